import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REAL_SPECS } from './real-specs.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const readme = readFileSync(join(here, 'README.md'), 'utf8');

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith('.test.ts') ? [relative(here, path)] : [];
  });
}

/** `features/x_spec.test.ts` → `features/x_spec.rb`; `matrix/…` and `pacts/…` live under `lib/pact_broker/`. */
function specOf(testFile: string): string {
  const spec = testFile.replace(/\.test\.ts$/, '.rb');
  return spec.startsWith('features/') ? spec : `lib/pact_broker/${spec}`;
}

const covered = new Map(
  ['features', 'matrix', 'pacts'].flatMap((dir) => testFiles(join(here, dir))).map((file) => [specOf(file), file]),
);
const uncovered = Object.keys(REAL_SPECS).filter((spec) => !covered.has(spec));

export function coverageTable(): string[] {
  const areas = new Map<string, { covered: number; total: number }>();
  for (const [spec, area] of Object.entries(REAL_SPECS)) {
    const counts = areas.get(area) ?? { covered: 0, total: 0 };
    counts.total += 1;
    if (covered.has(spec)) counts.covered += 1;
    areas.set(area, counts);
  }
  const rows = [...areas].map(([area, c]) => `| ${area} | ${c.covered} / ${c.total} |`);
  const all = Object.keys(REAL_SPECS).length;
  return ['| Area | Spec files covered |', '|---|---|', ...rows, `| **all** | ${covered.size} / ${all} |`];
}

describe('the conformance suite', () => {
  it('names a real spec file with every test file, in its top describe', () => {
    for (const [spec, file] of covered) {
      expect(Object.hasOwn(REAL_SPECS, spec), `${file} has no real spec ${spec}`).toBe(true);
      expect(readFileSync(join(here, file), 'utf8'), file).toContain(`describe('spec/${spec}'`);
    }
  });

  it("has the README's coverage table", () => {
    const table = readme.split('\n').filter((line) => /^(\| Area \||\|---\||\| .* \| \d+ \/ \d+ \|$)/.test(line));
    expect(table.join('\n'), `test/conformance/README.md should have this table:\n${coverageTable().join('\n')}`).toBe(
      coverageTable().join('\n'),
    );
  });

  it('lists every spec file it leaves out in the README, each with why', () => {
    const listed = new Map(
      [...readme.matchAll(/^- `([^`]+\.rb)`: (.+)$/gm)].map((match) => [match[1] as string, match[2] as string]),
    );
    expect([...listed.keys()].sort()).toEqual([...uncovered].sort());
    for (const [spec, why] of listed) expect(why.trim().length, spec).toBeGreaterThan(10);
  });
});
