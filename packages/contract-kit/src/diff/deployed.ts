/**
 * Which provider versions now deployed or released in an environment verified the old pact, and
 * whether they have been verified against the new one: a breaking change only breaks what is
 * deployed if some deployed provider has not passed the new pact.
 */
import { brokerRequest } from '../broker-client/http.ts';
import type { BrokerConnection } from '../config/kit-config.ts';

export type VerificationState = 'passed' | 'failed' | 'not verified';

export interface DeployedProvider {
  environment: string;
  version: string;
  how: 'deployed' | 'released';
  old: VerificationState;
  /** 'not verified' when the new pact is not in the broker (a change not yet published). */
  new: VerificationState;
}

type Json = Record<string, unknown>;

const asJson = (value: unknown): Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
const asList = (value: unknown): Json[] => (Array.isArray(value) ? value.map(asJson) : []);

async function getJson(broker: BrokerConnection, path: string, step: string): Promise<Json> {
  const answer = await brokerRequest(broker, { url: `${broker.url}${path}`, step });
  return answer.status === 200 ? asJson(answer.body) : {};
}

/** The provider versions verification results exist for, for one consumer version: version → passed. */
async function verifications(
  broker: BrokerConnection,
  consumer: string,
  consumerVersion: string,
  provider: string,
): Promise<Map<string, boolean>> {
  const query = new URLSearchParams([
    ['q[][pacticipant]', consumer],
    ['q[][version]', consumerVersion],
    ['q[][pacticipant]', provider],
  ]);
  const body = await getJson(broker, `/matrix?${query}`, `asking the matrix about ${consumer} ${consumerVersion}`);
  const results = new Map<string, boolean>();
  for (const row of asList(body.matrix)) {
    const version = asJson(asJson(row.provider).version).number;
    const result = asJson(row.verificationResult);
    if (typeof version !== 'string' || typeof result.success !== 'boolean') continue;
    // A later failure after a pass is still a pass for that version's code at some point: keep any pass.
    results.set(version, (results.get(version) ?? false) || result.success);
  }
  return results;
}

function stateOf(results: Map<string, boolean> | undefined, version: string): VerificationState {
  const passed = results?.get(version);
  return passed === undefined ? 'not verified' : passed ? 'passed' : 'failed';
}

export async function deployedProviders(
  broker: BrokerConnection,
  options: { consumer: string; provider: string; oldVersion?: string; newVersion?: string },
): Promise<DeployedProvider[]> {
  const environments = asList(
    asJson((await getJson(broker, '/environments', 'listing environments'))._embedded).environments,
  );
  const old = options.oldVersion
    ? await verifications(broker, options.consumer, options.oldVersion, options.provider)
    : undefined;
  const current = options.newVersion
    ? await verifications(broker, options.consumer, options.newVersion, options.provider)
    : undefined;
  const found: DeployedProvider[] = [];
  const provider = encodeURIComponent(options.provider);
  for (const environment of environments) {
    const uuid = String(environment.uuid);
    const name = String(environment.name);
    for (const [how, path, key] of [
      ['deployed', 'deployed-versions/currently-deployed', 'deployedVersions'],
      ['released', 'released-versions/currently-supported', 'releasedVersions'],
    ] as const) {
      const body = await getJson(
        broker,
        `/environments/${encodeURIComponent(uuid)}/${path}?pacticipant=${provider}`,
        `listing the ${how} versions of ${options.provider} in ${name}`,
      );
      for (const entry of asList(asJson(body._embedded)[key])) {
        const version = asJson(asJson(entry._links)['pb:version']).name;
        if (typeof version !== 'string') continue;
        found.push({ environment: name, version, how, old: stateOf(old, version), new: stateOf(current, version) });
      }
    }
  }
  return found;
}
