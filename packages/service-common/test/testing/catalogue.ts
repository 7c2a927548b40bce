import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The repository's README.md, where every service's error codes are documented. */
export function readRepositoryReadme(): string {
  return readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8');
}

/**
 * The codes in the first column of the table that follows the bold heading `**<heading>**` (text after it on the
 * line is allowed) in the README's "## Error codes" section, in order. Throws when there is no such table, so a renamed heading fails
 * loudly instead of documenting nothing.
 */
export function documentedCodes(readme: string, heading: string): string[] {
  const section = readme.split(/^## /m).find((part) => part.startsWith('Error codes'));
  if (section === undefined) throw new Error('README.md has no "## Error codes" section');
  const lines = section.split('\n');
  const start = lines.findIndex((line) => line.match(/^\*\*(.+?)\*\*/)?.[1] === heading);
  if (start === -1) throw new Error(`README.md's error codes have no table under **${heading}**`);
  const codes: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('**')) break;
    const code = line.match(/^\| `([A-Z][A-Z0-9_]*)` \|/)?.[1];
    if (code !== undefined) codes.push(code);
  }
  if (codes.length === 0) throw new Error(`The table under **${heading}** in README.md lists no codes`);
  return codes;
}

function testFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((file) => file.endsWith('.test.ts') && !file.includes('node_modules'))
    .map((file) => join(dir, file));
}

/**
 * The codes of `catalogue` that no test under `packageDir` (other than the catalogue's own test, which mentions
 * them all) names, either as the literal code or as `<name>.<key>` for one of `catalogueNames` (the catalogue
 * and those it is spread from). A named code is one a test expects some behaviour to produce.
 */
export function codesNoTestRaises(
  packageDir: string,
  catalogue: Record<string, string>,
  catalogueNames: readonly string[],
  exclude: (file: string) => boolean = (file) => file.endsWith('errors.test.ts'),
): string[] {
  const sources = testFiles(packageDir)
    .filter((file) => !exclude(file))
    .map((file) => readFileSync(file, 'utf8'));
  return Object.entries(catalogue)
    .filter(([key, code]) => {
      const literal = new RegExp(`['"\`]${code}['"\`]`);
      const constant = new RegExp(`\\b(${catalogueNames.join('|')})\\.${key}\\b`);
      return !sources.some((source) => literal.test(source) || constant.test(source));
    })
    .map(([, code]) => code);
}
