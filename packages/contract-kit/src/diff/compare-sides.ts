/**
 * `contract-kit diff` as data: the two sides paired pact by pact (consumer and provider), each pair
 * diffed, with what the OpenAPI document and the broker add, and whether anything breaks what the
 * evidence says is deployed.
 */
import type { BrokerConnection } from '../config/kit-config.ts';
import { type DeployedProvider, deployedProviders } from './deployed.ts';
import { diffPacts } from './diff-pacts.ts';
import { checkNewPact, type LoadedOpenApi } from './openapi-check.ts';
import type { Side, SourcedPact } from './sources.ts';
import type { InteractionDiff, PactDiff } from './types.ts';

export interface InteractionVerdict {
  /** The static check against the provider's OpenAPI document: problems found (empty: satisfied), or unjudged. */
  openapi?: { satisfied: boolean; problems: string[] } | 'unjudged';
  /** A breaking interaction the evidence does not clear. */
  blocking: boolean;
}

export interface PactPairDiff {
  consumer: string;
  provider: string;
  oldOrigin?: string;
  newOrigin?: string;
  /** The pact files, for annotations. */
  files?: { old?: string; new?: string };
  diff: PactDiff;
  /** By InteractionDiff.key. */
  verdicts: Record<string, InteractionVerdict>;
  /** With a broker: the provider versions in each environment, and whether they verified each side. */
  deployed?: DeployedProvider[];
  blocking: boolean;
}

export interface DiffReport {
  old: string;
  new: string;
  openapi?: string;
  pairs: PactPairDiff[];
  /** Some pair has a breaking change the evidence does not clear: the command exits 1. */
  blocking: boolean;
}

export interface CompareOptions {
  openapi?: LoadedOpenApi;
  broker?: BrokerConnection;
}

const pairKey = (pact: SourcedPact) => `${pact.consumer}\u0000${pact.provider}`;

function emptyLike(pact: SourcedPact): Record<string, unknown> {
  return { consumer: pact.pact.consumer, provider: pact.pact.provider, interactions: [], metadata: pact.pact.metadata };
}

async function verdictsFor(
  diff: PactDiff,
  newPact: SourcedPact | undefined,
  options: CompareOptions,
): Promise<Record<string, InteractionVerdict>> {
  const check =
    options.openapi && newPact ? await checkNewPact(options.openapi, newPact.origin, newPact.pact) : undefined;
  const verdicts: Record<string, InteractionVerdict> = {};
  for (const interaction of diff.interactions) {
    const breaking = interaction.impact === 'breaking';
    const index = interaction.newIndex;
    if (!check || index === undefined) {
      verdicts[interaction.key] = { blocking: breaking };
      continue;
    }
    const problems = check.problems.get(index);
    if (check.unjudged.has(index) || problems === undefined) {
      verdicts[interaction.key] = { openapi: 'unjudged', blocking: breaking };
      continue;
    }
    const satisfied = problems.length === 0;
    verdicts[interaction.key] = { openapi: { satisfied, problems }, blocking: breaking && !satisfied };
  }
  return verdicts;
}

/** Whether what is deployed could break: some deployed provider has not passed the new pact. */
function deployedAtRisk(deployed: DeployedProvider[] | undefined): boolean {
  return deployed === undefined || deployed.some((d) => d.new !== 'passed');
}

export async function compareSides(before: Side, after: Side, options: CompareOptions = {}): Promise<DiffReport> {
  const olds = new Map(before.pacts.map((p) => [pairKey(p), p]));
  const news = new Map(after.pacts.map((p) => [pairKey(p), p]));
  const keys = [...new Set([...news.keys(), ...olds.keys()])];
  const pairs: PactPairDiff[] = [];
  for (const key of keys) {
    const oldPact = olds.get(key);
    const newPact = news.get(key);
    const some = (newPact ?? oldPact) as SourcedPact;
    const diff = diffPacts(oldPact?.pact ?? emptyLike(some), newPact?.pact ?? emptyLike(some));
    const verdicts = await verdictsFor(diff, newPact, options);
    const deployed = options.broker
      ? await deployedProviders(options.broker, {
          consumer: some.consumer,
          provider: some.provider,
          ...(before.consumerVersion ? { oldVersion: before.consumerVersion } : {}),
          ...(after.consumerVersion ? { newVersion: after.consumerVersion } : {}),
        })
      : undefined;
    const breaking = Object.values(verdicts).some((v) => v.blocking);
    pairs.push({
      consumer: some.consumer,
      provider: some.provider,
      ...(oldPact ? { oldOrigin: oldPact.origin } : {}),
      ...(newPact ? { newOrigin: newPact.origin } : {}),
      files: { ...(oldPact?.file ? { old: oldPact.file } : {}), ...(newPact?.file ? { new: newPact.file } : {}) },
      diff,
      verdicts,
      ...(deployed ? { deployed } : {}),
      blocking: breaking && deployedAtRisk(deployed),
    });
  }
  return {
    old: before.spec,
    new: after.spec,
    ...(options.openapi ? { openapi: options.openapi.file } : {}),
    pairs,
    blocking: pairs.some((p) => p.blocking),
  };
}

export function changedInteractions(pair: PactPairDiff): InteractionDiff[] {
  return pair.diff.interactions.filter((i) => i.change !== 'unchanged');
}
