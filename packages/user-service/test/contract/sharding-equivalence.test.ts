import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ProviderDefinition, type VerificationReport, verifyProvider } from 'contract-kit/provider';
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import userService from '../../src/contract/provider.ts';
import * as broken from './broken-definitions.ts';
import { syntheticPact } from './synthetic-pact.ts';
import { userServicePactFiles } from './verification.ts';

// Sharded verification must prove exactly what unsharded verification proves: the project's pact
// plus a 120-interaction synthetic one, against the real UserService and against broken ones.
const dir = mkdtempSync(join(tmpdir(), 'us-shards-'));
const synthetic = join(dir, 'Synthetic-UserService.json');
writeFileSync(synthetic, JSON.stringify(syntheticPact(120, { consumer: 'SyntheticConsumer' })));
const pactFiles = [...userServicePactFiles(), synthetic];
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function outcomes(report: VerificationReport) {
  return report.interactions
    .map((i) => ({
      interaction: `${i.context} / ${i.description}`,
      result: i.result,
      problems: [...i.problems].sort(),
    }))
    .sort((a, b) => a.interaction.localeCompare(b.interaction));
}

async function bothWays(definition: ProviderDefinition<FastifyInstance>) {
  const unsharded = await verifyProvider({ ...definition, source: { pactFiles }, shards: 1 });
  const sharded = await verifyProvider({ ...definition, source: { pactFiles }, shards: 2 });
  return { unsharded, sharded };
}

const cases: [string, ProviderDefinition<FastifyInstance>][] = [
  ['the real UserService', userService],
  ...Object.entries(broken).map(([name, definition]): [string, ProviderDefinition<FastifyInstance>] => [
    name,
    definition,
  ]),
];

describe('sharded verification proves the same as unsharded', () => {
  it.each(cases)('%s', async (_name, definition) => {
    const { unsharded, sharded } = await bothWays(definition);
    expect([unsharded.shards, sharded.shards]).toEqual([1, 2]);
    // The project's pact: 9 HTTP interactions and 4 messages.
    expect(sharded.interactions).toHaveLength(13 + 120);
    expect(outcomes(sharded)).toEqual(outcomes(unsharded));
    expect(sharded.passed).toBe(unsharded.passed);
    expect(sharded.stateFailures).toEqual(unsharded.stateFailures);
    expect(sharded.unusedStates).toEqual(unsharded.unusedStates);
  });

  it('the broken providers do fail, so the comparison above is not between two empty results', async () => {
    const { sharded } = await bothWays(broken.renamedField);
    expect(sharded.passed).toBe(false);
    expect(sharded.interactions.filter((i) => i.result === 'failed').length).toBeGreaterThan(100);
  });
});
