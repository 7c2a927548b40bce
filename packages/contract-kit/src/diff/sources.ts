/**
 * What a side of `contract-kit diff` names, read into pacts: a pact file, a folder of them, a git
 * revision (the pact folder as that commit has it), or `broker:<consumer>@<version>`.
 */
import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import { brokerRequest } from '../broker-client/http.ts';
import type { BrokerConnection } from '../config/kit-config.ts';
import { ContractKitError, ContractKitErrorCodes } from '../errors.ts';
import { expandPactPaths } from '../pact-files.ts';
import { pactsAtRevision, resolveRevision } from './git-pacts.ts';

type Json = Record<string, unknown>;

export interface SourcedPact {
  consumer: string;
  provider: string;
  /** Where it came from, as a person would name it: "pacts/OrderService-UserService.json at 3f2a1c0". */
  origin: string;
  /** The file, relative to the repository or working directory, when there is one (annotations point at it). */
  file?: string;
  pact: Json;
}

export interface Side {
  /** As given on the command line. */
  spec: string;
  pacts: SourcedPact[];
  /** The consumer version in the broker these pacts are, when known (a broker version or a git commit). */
  consumerVersion?: string;
}

export interface SideContext {
  cwd: string;
  pactDir: string;
  broker?: BrokerConnection;
  /** Providers to ask the broker about: those the other side's pacts name, or --provider. */
  providers: string[];
}

function invalid(message: string): ContractKitError {
  return new ContractKitError(ContractKitErrorCodes.diffSourceInvalid, message);
}

function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parsePact(text: string, origin: string, file?: string): SourcedPact {
  let pact: unknown;
  try {
    pact = JSON.parse(text);
  } catch (err) {
    throw new ContractKitError(
      ContractKitErrorCodes.pactInputInvalid,
      `${origin} is not valid JSON: ${(err as Error).message}`,
    );
  }
  const name = (value: unknown) => (isJson(value) && typeof value.name === 'string' ? value.name : undefined);
  const consumer = isJson(pact) ? name(pact.consumer) : undefined;
  const provider = isJson(pact) ? name(pact.provider) : undefined;
  if (!isJson(pact) || consumer === undefined || provider === undefined) {
    throw new ContractKitError(
      ContractKitErrorCodes.pactInputInvalid,
      `${origin} is not a pact: it names no consumer and provider.`,
    );
  }
  return { consumer, provider, origin, ...(file === undefined ? {} : { file }), pact };
}

/** Paths under the working directory as a person (and GitHub) names them: relative. */
function shown(file: string): string {
  if (!isAbsolute(file)) return file;
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') || isAbsolute(rel) ? file : rel;
}

function isPath(spec: string): boolean {
  try {
    statSync(spec);
    return true;
  } catch {
    return false;
  }
}

/** `broker:OrderService@3f2a1c0`, `broker:OrderService@latest`. */
export function parseBrokerSpec(spec: string): { consumer: string; version: string } | undefined {
  const match = /^broker:(.+)@([^@]+)$/.exec(spec);
  return match ? { consumer: match[1] as string, version: match[2] as string } : undefined;
}

/** The providers a consumer has pacts with, from the broker's latest pacts. */
async function providersOf(broker: BrokerConnection, consumer: string): Promise<string[]> {
  const answer = await brokerRequest(broker, { url: `${broker.url}/pacts/latest`, step: 'listing the latest pacts' });
  const pacts = isJson(answer.body) && Array.isArray(answer.body.pacts) ? answer.body.pacts : [];
  const names = pacts.flatMap((pact) => {
    const embedded = isJson(pact) && isJson(pact._embedded) ? pact._embedded : {};
    const name = (key: string) => (isJson(embedded[key]) ? (embedded[key] as Json).name : undefined);
    const provider = name('provider');
    return name('consumer') === consumer && typeof provider === 'string' ? [provider] : [];
  });
  return [...new Set(names)].sort();
}

async function brokerSide(spec: string, context: SideContext): Promise<Side> {
  const { consumer, version } = parseBrokerSpec(spec) ?? { consumer: '', version: '' };
  const broker = context.broker;
  if (!broker) {
    throw invalid(`${spec} names a broker version, but no broker is configured: set PACT_BROKER_BASE_URL.`);
  }
  const providers = context.providers.length > 0 ? context.providers : await providersOf(broker, consumer);
  if (providers.length === 0) {
    throw invalid(
      `${spec}: the broker has no pact of ${consumer}. Check the name, or name the provider with --provider.`,
    );
  }
  const pacts: SourcedPact[] = [];
  let consumerVersion = version === 'latest' ? undefined : version;
  for (const provider of providers) {
    const path = `/pacts/provider/${encodeURIComponent(provider)}/consumer/${encodeURIComponent(consumer)}/${version === 'latest' ? 'latest' : `version/${encodeURIComponent(version)}`}`;
    const answer = await brokerRequest(broker, { url: `${broker.url}${path}`, step: `fetching the pact ${path}` });
    if (answer.status === 404) continue;
    if (answer.status !== 200 || !isJson(answer.body)) {
      throw invalid(`The broker answered ${answer.status} for ${path}.`);
    }
    const origin = `${consumer} → ${provider} at ${version} (broker)`;
    const text = JSON.stringify(answer.body);
    pacts.push(parsePact(text, origin));
    const self = (answer.body._links as { self?: { href?: string } } | undefined)?.self?.href;
    consumerVersion ??= self ? decodeURIComponent(/\/version\/([^/]+)$/.exec(self)?.[1] ?? '') || undefined : undefined;
  }
  if (pacts.length === 0) {
    throw invalid(`The broker has no pact of ${consumer} at ${version} with ${providers.join(', ')}.`);
  }
  return { spec, pacts, ...(consumerVersion ? { consumerVersion } : {}) };
}

/** Reads one side. */
export async function readSide(spec: string, context: SideContext): Promise<Side> {
  if (parseBrokerSpec(spec)) return brokerSide(spec, context);
  if (isPath(spec)) {
    const files = expandPactPaths([spec]);
    return { spec, pacts: files.map((file) => parsePact(readFileSync(file, 'utf8'), shown(file), shown(file))) };
  }
  const commit = resolveRevision(context.cwd, spec);
  if (commit === undefined) {
    throw invalid(
      `"${spec}" is no pact file or folder, no git revision, and not broker:<consumer>@<version>. Name a file, a folder, a commit or branch, or a broker version.`,
    );
  }
  const short = commit.slice(0, 7);
  const pacts = pactsAtRevision(context.cwd, commit, context.pactDir).map(({ path, text }) =>
    parsePact(text, `${path} at ${spec === short ? short : `${spec} (${short})`}`, path),
  );
  return { spec, pacts, consumerVersion: commit };
}

/** `main..HEAD` → ['main', 'HEAD']; a side left out of a range is HEAD, as git reads it. */
export function splitRange(spec: string): [string, string] | undefined {
  const match = /^([^.]*)\.\.([^.]*)$/.exec(spec);
  if (!match || parseBrokerSpec(spec) || isPath(spec)) return undefined;
  return [match[1] || 'HEAD', match[2] || 'HEAD'];
}
