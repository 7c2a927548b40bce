import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ContractKitError, ContractKitErrorCodes } from '../errors.ts';

/**
 * Why parts: pact-js merges every test's interactions into one shared file with a read-modify-write,
 * so several vitest workers writing the same pact lose interactions now and then, and interactions
 * that no test declares any more are never removed. Instead each test file writes its own part,
 * and the parts are merged once, after every worker has finished.
 */
export const partsFolderName = '.parts';
const sourceFileName = 'source.json';
/**
 * Written into a part while one of its test file's interactions is failing (see
 * createConsumerPact), one file per interaction, removed when a retry of it passes.
 */
export function failureFileName(description: string): string {
  return `failed-${createHash('sha256').update(description).digest('hex').slice(0, 16)}.json`;
}
const isFailureFile = (name: string) => name.startsWith('failed-') && name.endsWith('.json');

function failureIn(dir: string): string | undefined {
  const name = readdirSync(dir).find(isFailureFile);
  return name ? join(dir, name) : undefined;
}

export function pactFileName(consumer: string, provider: string): string {
  return `${consumer}-${provider}.json`;
}

function partsDirOf(pactDir: string, consumer: string, provider: string): string {
  return join(pactDir, partsFolderName, `${consumer}-${provider}`);
}

/**
 * Prepares an empty part folder for one test file and returns it. Emptying it first is what
 * removes interactions that the test file no longer declares.
 */
export function preparePart(options: {
  pactDir: string;
  consumer: string;
  provider: string;
  testFile: string;
}): string {
  const { pactDir, consumer, provider, testFile } = options;
  const id = createHash('sha256').update(testFile).digest('hex').slice(0, 16);
  const dir = join(partsDirOf(pactDir, consumer, provider), id);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, sourceFileName), `${JSON.stringify({ testFile })}\n`);
  return dir;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
/** One test file's part of a pact: what pact-js wrote for that file alone. */
interface PactPart {
  consumer: { name: string };
  provider: { name: string };
  interactions: { description: string; providerStates?: Json; [key: string]: Json | undefined }[];
  metadata: { [key: string]: Json };
}

/** Same input, same bytes: object keys sorted at every level, two-space indent, final newline. */
export function canonicalJson(value: unknown): string {
  const sortKeys = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sortKeys);
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.keys(v)
          .sort()
          .map((key) => [key, sortKeys((v as Record<string, unknown>)[key])]),
      );
    }
    return v;
  };
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

function interactionIdentity(interaction: PactPart['interactions'][number]): string {
  return `${interaction.description}\u0000${canonicalJson(interaction.providerStates ?? [])}`;
}

function readPart(file: string): PactPart {
  let parsed: PactPart;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as PactPart;
  } catch (err) {
    throw new ContractKitError(
      ContractKitErrorCodes.pactPartMalformed,
      `Pact part ${file} is not valid JSON (${(err as Error).message}). Delete it and run the consumer tests again.`,
      { cause: err },
    );
  }
  if (!Array.isArray(parsed.interactions)) {
    throw new ContractKitError(
      ContractKitErrorCodes.pactPartMalformed,
      `Pact part ${file} has no "interactions" array. Delete it and run the consumer tests again.`,
    );
  }
  return parsed;
}

/** The test file a part came from; undefined (and the part dropped) when its record is missing or unreadable. */
function testFileOf(sourceFile: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(sourceFile, 'utf8')) as { testFile?: string }).testFile;
  } catch {
    return undefined;
  }
}

export interface MergeResult {
  file: string;
  interactions: number;
  parts: number;
  changed: boolean;
}

/**
 * Merges every part of one consumer/provider pair into `<pactDir>/<consumer>-<provider>.json`,
 * sorted and canonical so the file is byte-identical across runs, and written atomically.
 * Parts whose test file no longer exists are dropped (and deleted).
 */
export function mergePactParts(options: {
  pactDir: string;
  consumer: string;
  provider: string;
}): MergeResult | undefined {
  const { pactDir, consumer, provider } = options;
  const partsDir = partsDirOf(pactDir, consumer, provider);
  if (!existsSync(partsDir)) return undefined;

  const byIdentity = new Map<string, { interaction: PactPart['interactions'][number]; source: string }>();
  let metadata: PactPart['metadata'] | undefined;
  let parts = 0;
  for (const id of readdirSync(partsDir).sort()) {
    const dir = join(partsDir, id);
    const sourceFile = join(dir, sourceFileName);
    const testFile = testFileOf(sourceFile);
    if (!testFile || !existsSync(testFile)) {
      rmSync(dir, { recursive: true, force: true });
      continue;
    }
    const failure = failureIn(dir);
    if (failure) {
      throw new ContractKitError(
        ContractKitErrorCodes.mergeRefused,
        `An interaction of ${relative(process.cwd(), testFile) || testFile} failed in the last run (${failure}), so its part lacks it: ${pactFileName(consumer, provider)} is left as it was. Fix the consumer test and run the tests again.`,
      );
    }
    const partFile = join(dir, pactFileName(consumer, provider));
    if (!existsSync(partFile)) continue;
    const part = readPart(partFile);
    parts += 1;
    metadata ??= part.metadata;
    for (const interaction of part.interactions) {
      const identity = interactionIdentity(interaction);
      const seen = byIdentity.get(identity);
      if (seen && canonicalJson(seen.interaction) !== canonicalJson(interaction)) {
        throw new ContractKitError(
          ContractKitErrorCodes.pactConflict,
          `Two tests declare the interaction "${interaction.description}" with the same provider states but different content: ${relative(pactDir, seen.source)} and ${relative(pactDir, testFile)}. Give one of them a distinct description.`,
        );
      }
      byIdentity.set(identity, { interaction, source: testFile });
    }
  }
  if (parts === 0) return undefined;

  const interactions = [...byIdentity.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, entry]) => entry.interaction);
  const document = {
    consumer: { name: consumer },
    provider: { name: provider },
    interactions,
    metadata: metadata ?? {},
  };
  const file = join(pactDir, pactFileName(consumer, provider));
  const content = canonicalJson(document);
  const changed = !existsSync(file) || readFileSync(file, 'utf8') !== content;
  if (changed) {
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, content);
    renameSync(temporary, file);
  }
  return { file, interactions: interactions.length, parts, changed };
}

/**
 * Merges the parts of every pair under `pactDir`. Refuses (CK_MERGE_REFUSED) when any part
 * recorded a failed interaction: call it only after a run that passed as a whole.
 */
export function mergeAllParts(pactDir: string): MergeResult[] {
  const pairs = pairsWithParts(pactDir);
  // Checked for every pair before any is written: one failed file leaves every pact unchanged.
  for (const pair of pairs) assertNoFailures(pactDir, pair);
  return pairs.flatMap((pair) => {
    const result = mergePactParts({ pactDir, ...pair });
    return result ? [result] : [];
  });
}

function assertNoFailures(pactDir: string, pair: { consumer: string; provider: string }): void {
  const partsDir = partsDirOf(pactDir, pair.consumer, pair.provider);
  for (const id of readdirSync(partsDir)) {
    if (!failureIn(join(partsDir, id))) continue;
    const testFile = testFileOf(join(partsDir, id, sourceFileName)) ?? id;
    throw new ContractKitError(
      ContractKitErrorCodes.mergeRefused,
      `An interaction of ${relative(process.cwd(), testFile) || testFile} failed in the last run, so its part lacks it: no pact file was changed. Fix the consumer test and run the tests again.`,
    );
  }
}

/** Every consumer/provider pair that has parts under `pactDir`. */
export function pairsWithParts(pactDir: string): { consumer: string; provider: string }[] {
  const root = join(pactDir, partsFolderName);
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .sort()
    .flatMap((pair) => {
      const dir = join(root, pair);
      for (const id of readdirSync(dir)) {
        const part = readdirSync(join(dir, id)).find(
          (name) => name !== sourceFileName && !isFailureFile(name) && name.endsWith('.json'),
        );
        if (!part) continue;
        const document = readPart(join(dir, id, part));
        return [{ consumer: document.consumer.name, provider: document.provider.name }];
      }
      return [];
    });
}
