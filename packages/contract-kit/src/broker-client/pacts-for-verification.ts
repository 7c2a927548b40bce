import type { BrokerConnection, ConsumerVersionSelector } from '../config/kit-config.ts';
import { ContractKitError, ContractKitErrorCodes } from '../errors.ts';
import { brokerRequest, checkBroker } from './http.ts';

/** A pact the broker asks this provider to verify. */
export interface BrokerPact {
  url: string;
  consumer: string;
  /** The consumer version(s) the pact belongs to, as the broker names them. */
  version?: string;
  pending: boolean;
  wip: boolean;
  notices: string[];
}

interface HalLink {
  href?: string;
  name?: string;
}

interface ForVerificationAnswer {
  _embedded?: {
    pacts?: {
      shortDescription?: string;
      verificationProperties?: { pending?: boolean; wip?: boolean; notices?: { when?: string; text?: string }[] };
      _links?: { self?: HalLink };
    }[];
  };
}

/** "Pact between OrderService (abc123) and UserService" → consumer and version. */
export function namesOf(name: string | undefined): { consumer?: string; version?: string } {
  const match = /^Pact between (.+?) \((.+)\) and /.exec(name ?? '');
  return match ? { consumer: match[1], version: match[2] } : {};
}

/**
 * The broker's selection for `provider` (its `pb:provider-pacts-for-verification` resource: the
 * same request the Pact verifier makes): one entry per pact, with its pending and WIP status.
 */
export async function pactsForVerification(
  broker: BrokerConnection,
  options: {
    provider: string;
    providerBranch: string;
    selectors: ConsumerVersionSelector[];
    enablePending: boolean;
    includeWipPactsSince?: string;
  },
): Promise<BrokerPact[]> {
  const index = (await checkBroker(broker)) as { _links?: Record<string, HalLink> };
  const template =
    index._links?.['pb:provider-pacts-for-verification']?.href ??
    `${broker.url}/pacts/provider/{provider}/for-verification`;
  const url = template.replace('{provider}', encodeURIComponent(options.provider));
  const answer = await brokerRequest(broker, {
    url,
    method: 'POST',
    step: `asking which pacts ${options.provider} must verify (POST ${new URL(url).pathname})`,
    body: {
      consumerVersionSelectors: options.selectors,
      providerVersionBranch: options.providerBranch,
      includePendingStatus: options.enablePending,
      ...(options.includeWipPactsSince ? { includeWipPactsSince: options.includeWipPactsSince } : {}),
    },
  });
  if (answer.status === 404) return [];
  if (answer.status < 200 || answer.status >= 300) {
    throw new ContractKitError(
      ContractKitErrorCodes.pactsNotLoaded,
      `The Pact Broker at ${broker.url} answered ${answer.status} when asked which pacts ${options.provider} must verify: ${JSON.stringify(answer.body).slice(0, 500)}`,
    );
  }
  return ((answer.body as ForVerificationAnswer)._embedded?.pacts ?? []).flatMap((entry): BrokerPact[] => {
    const self = entry._links?.self;
    if (!self?.href) return [];
    const names = namesOf(self.name);
    return [
      {
        url: self.href,
        consumer: names.consumer ?? self.name ?? self.href,
        ...(names.version ? { version: names.version } : {}),
        pending: entry.verificationProperties?.pending === true,
        wip: entry.verificationProperties?.wip === true,
        notices: (entry.verificationProperties?.notices ?? [])
          .filter((notice) => notice.when === 'before_verification' && notice.text)
          .map((notice) => notice.text as string),
      },
    ];
  });
}

/** One pact named by its URL (PACT_URL): fetched once to learn its consumer and version, within the deadline. */
export async function pactAtUrl(broker: BrokerConnection, url: string): Promise<BrokerPact> {
  const answer = await brokerRequest(broker, { url, step: `fetching the pact ${url}` });
  if (answer.status < 200 || answer.status >= 300 || typeof answer.body !== 'object' || answer.body === null) {
    throw new ContractKitError(
      ContractKitErrorCodes.pactsNotLoaded,
      `PACT_URL ${url} answered ${answer.status}, not a pact. Check the URL the webhook sent.`,
    );
  }
  const pact = answer.body as { consumer?: { name?: string }; _links?: Record<string, HalLink> };
  const version = pact._links?.['pb:consumer-version']?.name;
  return {
    url,
    consumer: pact.consumer?.name ?? url,
    ...(version ? { version } : {}),
    pending: false,
    wip: false,
    notices: [],
  };
}
