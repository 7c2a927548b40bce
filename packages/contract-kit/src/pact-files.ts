import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The pact files in `dir` (not its `.parts`), optionally only those for one provider, sorted. */
export function findPactFiles(dir: string, filter: { provider?: string } = {}): string[] {
  const folder = resolve(dir);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .map((name) => join(folder, name))
    .filter((file) => {
      if (!filter.provider) return true;
      try {
        return (
          (JSON.parse(readFileSync(file, 'utf8')) as { provider?: { name?: string } }).provider?.name ===
          filter.provider
        );
      } catch {
        // A malformed file is lint's to report; verification simply does not pick it.
        return false;
      }
    })
    .sort();
}
