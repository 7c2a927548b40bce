import { inTransaction, type Repositories } from '../db/repositories.ts';
import type { Verification } from '../db/verifications-repository.ts';
import { BrokerValidationError, PactNotFoundError } from '../errors.ts';
import { nameProblem } from '../http/names.ts';
import { isJsonObject } from './content.ts';
import type { PactUrlMetadata } from './metadata.ts';

export interface VerificationCommand {
  success: boolean;
  providerApplicationVersion: string;
  buildUrl?: string;
  testResults?: unknown;
  verifiedBy?: unknown;
}

export function parseVerificationRequest(body: unknown): VerificationCommand {
  if (!isJsonObject(body)) throw new BrokerValidationError({ body: ['must be a JSON object'] });
  const errors: Record<string, string[]> = {};
  const { success, providerApplicationVersion, buildUrl, testResults, verifiedBy } = body;
  if (typeof success !== 'boolean') errors.success = [success === undefined ? 'is missing' : 'must be boolean'];
  if (typeof providerApplicationVersion !== 'string' || providerApplicationVersion.trim() === '') {
    errors.providerApplicationVersion = [providerApplicationVersion === undefined ? 'is missing' : "can't be blank"];
  } else {
    const problem = nameProblem(providerApplicationVersion);
    if (problem !== undefined) errors.providerApplicationVersion = [problem];
  }
  if (buildUrl !== undefined && buildUrl !== null && typeof buildUrl !== 'string')
    errors.buildUrl = ['must be a string'];
  if (Object.keys(errors).length > 0) throw new BrokerValidationError(errors);
  return {
    success: success as boolean,
    providerApplicationVersion: providerApplicationVersion as string,
    ...(typeof buildUrl === 'string' && buildUrl !== '' ? { buildUrl } : {}),
    ...(testResults !== undefined ? { testResults } : {}),
    ...(verifiedBy !== undefined ? { verifiedBy } : {}),
  };
}

/** The pact content being verified: by its SHA, or the latest between the two when no SHA is in the URL. */
export interface VerificationTarget {
  provider: string;
  consumer: string;
  sha?: string;
}

/** Records a verification of a pact version; the provider and its version are created as needed. */
export async function publishVerification(
  repos: Repositories,
  target: VerificationTarget,
  metadata: PactUrlMetadata,
  command: VerificationCommand,
  /** Runs in the same transaction once the result is stored: its webhooks are queued with it. */
  onStored?: (trx: Repositories, verification: Verification) => Promise<void>,
): Promise<Verification> {
  return inTransaction(repos, async (trx) => {
    const notFound = () =>
      new PactNotFoundError(
        `between consumer '${target.consumer}' and provider '${target.provider}'${target.sha ? ` with SHA ${target.sha}` : ''}`,
      );
    const provider = await trx.pacticipants.findByName(target.provider);
    const consumer = await trx.pacticipants.findByName(target.consumer);
    if (!provider || !consumer) throw notFound();
    const pactVersionId =
      target.sha !== undefined
        ? (await trx.pacts.findPactVersion(consumer.id, provider.id, target.sha))?.id
        : (await trx.pacts.latestPublication(provider.id, consumer.id))?.pactVersionId;
    if (pactVersionId === undefined) throw notFound();
    const providerVersion = await trx.versions.findOrCreate(provider.id, command.providerApplicationVersion);
    const verification = await trx.verifications.create({
      pactVersionId,
      consumerId: consumer.id,
      providerId: provider.id,
      providerVersionId: providerVersion.id,
      success: command.success,
      wip: metadata.wip,
      pending: metadata.pending ?? null,
      buildUrl: command.buildUrl ?? null,
      testResults: command.testResults,
      verifiedBy: command.verifiedBy,
    });
    if (onStored) await onStored(trx, verification);
    return verification;
  });
}
