import type { Environment } from '../db/environments-repository.ts';
import type { Publication } from '../db/pacts-repository.ts';
import type { Repositories } from '../db/repositories.ts';
import type { PacticipantRow, VersionRow } from '../db/schema.ts';
import {
  EnvironmentNotFoundError,
  PacticipantNotFoundError,
  PactNotFoundError,
  VersionNotFoundError,
} from '../errors.ts';

export async function requirePacticipant(repos: Repositories, name: string): Promise<PacticipantRow> {
  const pacticipant = await repos.pacticipants.findByName(name);
  if (!pacticipant) throw new PacticipantNotFoundError(name);
  return pacticipant;
}

export async function requireVersion(
  repos: Repositories,
  pacticipantName: string,
  number: string,
): Promise<{ pacticipant: PacticipantRow; version: VersionRow }> {
  const pacticipant = await repos.pacticipants.findByName(pacticipantName);
  const version = pacticipant && (await repos.versions.find(pacticipant.id, number));
  if (!pacticipant || !version) throw new VersionNotFoundError(pacticipantName, number);
  return { pacticipant, version };
}

export async function requireEnvironment(repos: Repositories, uuid: string): Promise<Environment> {
  const environment = await repos.environments.findByUuid(uuid);
  if (!environment) throw new EnvironmentNotFoundError(uuid);
  return environment;
}

/** The two parties of a pact URL (`/pacts/provider/:provider/consumer/:consumer…`). */
export interface Between {
  provider: string;
  consumer: string;
}

/** Both pacticipants of an integration; a pact that cannot exist is a 404 naming the pair. */
export async function requireIntegration(
  repos: Repositories,
  { provider, consumer }: Between,
): Promise<{ providerRow: PacticipantRow; consumerRow: PacticipantRow }> {
  const providerRow = await repos.pacticipants.findByName(provider);
  const consumerRow = await repos.pacticipants.findByName(consumer);
  if (!providerRow || !consumerRow) {
    throw new PactNotFoundError(`between consumer '${consumer}' and provider '${provider}'`);
  }
  return { providerRow, consumerRow };
}

/** The pact a consumer version published for a provider; a 404 naming all three when there is none. */
export async function requirePublication(
  repos: Repositories,
  providerRow: PacticipantRow,
  consumerRow: PacticipantRow,
  versionNumber: string,
): Promise<Publication> {
  const version = await repos.versions.find(consumerRow.id, versionNumber);
  const publication = version && (await repos.pacts.findPublication(version.id, providerRow.id));
  if (!publication) {
    throw new PactNotFoundError(
      `for consumer '${consumerRow.name}' version '${versionNumber}' and provider '${providerRow.name}'`,
    );
  }
  return publication;
}
