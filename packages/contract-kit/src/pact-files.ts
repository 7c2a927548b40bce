import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ContractKitError, ContractKitErrorCodes } from './errors.ts';

/** A pact file as JSON, read for its names and interactions (lint reads files its own, forgiving way). */
export interface PactJson {
  consumer: { name: string };
  provider: { name: string };
  interactions?: unknown[];
  messages?: unknown[];
  [key: string]: unknown;
}

export function readPactJson(file: string): PactJson {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as PactJson;
  } catch (err) {
    throw new ContractKitError(
      ContractKitErrorCodes.pactsNotLoaded,
      `Cannot read pact ${file}: ${(err as Error).message}`,
      { cause: err },
    );
  }
}

function providerOf(file: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { provider?: { name?: string } }).provider?.name;
  } catch {
    // A malformed file is lint's to report; verification simply does not pick it.
    return undefined;
  }
}

/** The pact files in `dir` (not its `.parts`), optionally only those for one provider, sorted. */
export function findPactFiles(dir: string, filter: { provider?: string } = {}): string[] {
  const folder = resolve(dir);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .map((name) => join(folder, name))
    .filter((file) => !filter.provider || providerOf(file) === filter.provider)
    .sort();
}

/**
 * Files and folders as a command line names them → pact files: a folder stands for the `.json`
 * files directly in it. A path that does not exist is kept, so that the reader reports it.
 */
export function expandPactPaths(paths: readonly string[]): string[] {
  return paths.flatMap((path) => {
    try {
      return statSync(path).isDirectory() ? findPactFiles(path) : [path];
    } catch {
      return [path];
    }
  });
}
