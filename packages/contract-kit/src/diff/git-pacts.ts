/** The pact files of a folder as a git revision has them, through the `git` command. */
import { execFileSync } from 'node:child_process';
import { relative, resolve } from 'node:path';

function git(cwd: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 256 * 1024 * 1024,
    });
  } catch {
    return undefined;
  }
}

/** The full commit a revision names, or undefined when it names none (or this is no git work tree). */
export function resolveRevision(cwd: string, revision: string): string | undefined {
  if (revision.startsWith('-')) return undefined;
  return git(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`])?.trim();
}

/** Each `.json` file directly in `dir` at `commit`, with its text. */
export function pactsAtRevision(cwd: string, commit: string, dir: string): { path: string; text: string }[] {
  const top = git(cwd, ['rev-parse', '--show-toplevel'])?.trim();
  if (top === undefined) return [];
  const folder = relative(top, resolve(cwd, dir)).split('\\').join('/');
  const listing = git(top, ['ls-tree', '--name-only', commit, '--', folder === '' ? '.' : `${folder}/`]) ?? '';
  return listing
    .split('\n')
    .filter((path) => path.endsWith('.json'))
    .sort()
    .map((path) => ({ path, text: git(top, ['show', `${commit}:${path}`]) ?? '' }));
}
