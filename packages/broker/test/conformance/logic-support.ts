import { pact, publish, verifyPact } from '../helpers/broker.ts';
import type { Client } from './support.ts';

/**
 * Builders for the logic specs' data, through this broker's HTTP API. Each pact gets content of its own (the real
 * specs' test data builder makes every pact distinct), so verifications never carry over between consumer versions.
 */
export async function pactBetween(
  broker: Client,
  consumer: string,
  version: string,
  provider: string,
  options: { branch?: string; tags?: string[]; content?: unknown } = {},
): Promise<void> {
  await publish(broker.app, {
    consumer,
    version,
    provider,
    content: options.content ?? pact(consumer, provider, [`${consumer} ${version} to ${provider}`]),
    ...(options.branch ? { branch: options.branch } : {}),
    ...(options.tags ? { tags: options.tags } : {}),
  });
}

export async function verification(
  broker: Client,
  consumer: string,
  consumerVersion: string,
  provider: string,
  providerVersion: string,
  options: { success?: boolean; branch?: string; tags?: string[] } = {},
): Promise<void> {
  await verifyPact(broker.app, {
    consumer,
    consumerVersion,
    provider,
    providerVersion,
    success: options.success ?? true,
    ...(options.branch ? { branch: options.branch } : {}),
    ...(options.tags ? { tags: options.tags } : {}),
  });
}

export interface MatrixEntry {
  consumer: { name: string; version: { number: string } };
  provider: { name: string; version: { number: string } | null };
  verificationResult: { success: boolean; _links: { self: { href: string } } } | null;
  ignored?: boolean;
}

/** A row as the real specs shorten it: `A1 B2 n3` (consumer, provider and verification number; `?` for none). */
export function shorten(entry: MatrixEntry): string {
  const number = entry.verificationResult?._links.self.href.split('/').pop() ?? '?';
  return `${entry.consumer.name}${entry.consumer.version.number} ${entry.provider.name}${entry.provider.version?.number ?? '?'} n${number}`;
}

/** `q[][pacticipant]=A&q[][version]=1…` for `{ A: '1', B: undefined }`, the specs' `build_selectors`. */
export function selectors(versions: Record<string, string | undefined>): string {
  return Object.entries(versions)
    .map(([name, version]) =>
      version === undefined
        ? `q[][pacticipant]=${encodeURIComponent(name)}`
        : `q[][pacticipant]=${encodeURIComponent(name)}&q[][version]=${encodeURIComponent(version)}`,
    )
    .join('&');
}

/** The matrix answer for the selectors and options, with its rows shortened. */
export async function matrix(broker: Client, query: string) {
  const response = await broker.get(`/matrix?${query}`);
  if (response.statusCode !== 200) throw new Error(`matrix ${query}: ${response.statusCode} ${response.body}`);
  const body = response.json();
  return { body, rows: (body.matrix as MatrixEntry[]).map(shorten) };
}

export interface Found {
  consumer: string;
  /** The consumer versions whose selection brought the pact in, as the pact's link names them. */
  versions: string[];
  short: string;
  inclusion: string;
  pending?: boolean;
  wip?: boolean;
}

/** The pacts-for-verification answer for Bar (or `provider`), each pact shortened to what the real specs check. */
export async function pactsFor(broker: Client, body: Record<string, unknown>, provider = 'Bar'): Promise<Found[]> {
  const response = await broker.post(`/pacts/provider/${encodeURIComponent(provider)}/for-verification`, body);
  if (response.statusCode !== 200) throw new Error(`for-verification: ${response.statusCode} ${response.body}`);
  const pacts = response.json()._embedded.pacts as {
    shortDescription: string;
    verificationProperties: { notices: { text: string }[]; pending?: boolean; wip?: boolean };
    _links: { self: { name: string } };
  }[];
  return pacts.map((p) => {
    const [, consumer = '', versions = ''] = /^Pact between (.+) \((.*)\) and /.exec(p._links.self.name) ?? [];
    const props = p.verificationProperties;
    return {
      consumer,
      versions: versions.split(', '),
      short: p.shortDescription,
      inclusion: props.notices.find((n) => n.text.startsWith('The pact at'))?.text ?? '',
      ...(props.pending === undefined ? {} : { pending: props.pending }),
      ...(props.wip === undefined ? {} : { wip: props.wip }),
    };
  });
}

/** Tags a consumer version (creating it) without publishing a pact from it. */
export async function tagVersion(broker: Client, pacticipant: string, version: string, tags: string[]) {
  for (const tag of tags) await broker.put(`/pacticipants/${pacticipant}/versions/${version}/tags/${tag}`);
}
