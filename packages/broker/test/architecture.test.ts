import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../src/', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

// What talks to the database: the query builder and the drivers.
const DATABASE_MODULES = /from '(kysely|pg|better-sqlite3)'/;

describe("the broker's layers", () => {
  it('keeps every query in src/db/: no other module imports the query builder or a driver', () => {
    const outside = sourceFiles(src)
      .map((path) => relative(src, path))
      .filter((path) => !path.startsWith('db/'))
      .filter((path) => DATABASE_MODULES.test(readFileSync(join(src, path), 'utf8')));
    expect(outside, 'move these queries into a module under src/db/').toEqual([]);
  });

  it('finds the queries where it looks for them (the check above reads real files)', () => {
    const inside = sourceFiles(join(src, 'db')).filter((path) => DATABASE_MODULES.test(readFileSync(path, 'utf8')));
    expect(inside.length).toBeGreaterThan(10);
  });
});
