import type { Environment } from '../db/environments-repository.ts';
import type { Repositories } from '../db/repositories.ts';
import type { PacticipantRow, VersionRow } from '../db/schema.ts';
import { EnvironmentNotFoundError, PacticipantNotFoundError, VersionNotFoundError } from '../errors.ts';

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
