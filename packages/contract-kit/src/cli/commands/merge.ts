import { relative } from 'node:path';
import { readKitConfig } from '../../config/kit-config.ts';
import { mergeAllParts } from '../../consumer/pact-parts.ts';
import { optionalString } from '../options.ts';
import type { Values } from '../registry.ts';

export async function run(values: Values): Promise<number> {
  const pactDir = optionalString(values, 'pact-dir') ?? readKitConfig().pactDir;
  const results = mergeAllParts(pactDir);
  if (results.length === 0) console.log(`No pact parts under ${pactDir}: run the consumer tests first.`);
  for (const result of results) {
    console.log(
      `${relative(process.cwd(), result.file)}: ${result.interactions} interactions from ${result.parts} test files${result.changed ? ' (updated)' : ' (unchanged)'}`,
    );
  }
  return 0;
}
