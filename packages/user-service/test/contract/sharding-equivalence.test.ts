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
// plus a synthetic one, against the real UserService and against broken ones. The synthetic pact is
// big enough that each of two shards gets interactions of both pacts and of several provider states;
// a bigger one makes each of the 14 verifications below slower and proves nothing more.
const SYNTHETIC_INTERACTIONS = 24;
const dir = mkdtempSync(join(tmpdir(), 'us-shards-'));
const synthetic = join(dir, 'Synthetic-UserService.json');
writeFileSync(synthetic, JSON.stringify(syntheticPact(SYNTHETIC_INTERACTIONS, { consumer: 'SyntheticConsumer' })));
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

// Each definition is verified both ways once; the last test reads the reports of the first ones.
const reports = new Map<
  ProviderDefinition<FastifyInstance>,
  Promise<{ unsharded: VerificationReport; sharded: VerificationReport }>
>();
function bothWays(definition: ProviderDefinition<FastifyInstance>) {
  let both = reports.get(definition);
  if (!both) {
    // Side by side: each run has its own provider, port and database.
    both = Promise.all([
      verifyProvider({ ...definition, source: { pactFiles }, shards: 1 }),
      verifyProvider({ ...definition, source: { pactFiles }, shards: 2 }),
    ]).then(([unsharded, sharded]) => ({ unsharded, sharded }));
    reports.set(definition, both);
  }
  return both;
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
    expect(sharded.interactions).toHaveLength(13 + SYNTHETIC_INTERACTIONS);
    expect(outcomes(sharded)).toEqual(outcomes(unsharded));
    expect(sharded.passed).toBe(unsharded.passed);
    expect(sharded.stateFailures).toEqual(unsharded.stateFailures);
    expect(sharded.unusedStates).toEqual(unsharded.unusedStates);
  });

  it('the broken providers do fail, so the comparison above is not between two empty results', async () => {
    const { sharded } = await bothWays(broken.renamedField);
    expect(sharded.passed).toBe(false);
    expect(sharded.interactions.filter((i) => i.result === 'failed').length).toBeGreaterThan(SYNTHETIC_INTERACTIONS);
  });
});
