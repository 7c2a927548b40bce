/**
 * The lint's static check against the provider's OpenAPI document, run on the new pact: for each
 * of its interactions, whether the provider's current schema already satisfies it.
 */
import { ContractKitError, ContractKitErrorCodes } from '../errors.ts';
import { checkAgainstOpenApi, loadOpenApi } from '../lint/checks/openapi.ts';
import { pactInput } from './pact-input.ts';

export interface OpenApiVerdict {
  /** By index in the new pact's interactions: what the schema does not allow (empty: satisfied). */
  problems: Map<number, string[]>;
  /** Indexes the check could not judge (messages: OpenAPI describes HTTP). */
  unjudged: Set<number>;
}

export type LoadedOpenApi = { document: Record<string, unknown>; file: string };

export async function loadOpenApiOrThrow(openapi: string | object): Promise<LoadedOpenApi> {
  const loaded = await loadOpenApi(openapi);
  if ('problem' in loaded) {
    throw new ContractKitError(
      ContractKitErrorCodes.configInvalid,
      `--openapi ${loaded.problem.file}: ${loaded.problem.message}`,
    );
  }
  return loaded;
}

export async function checkNewPact(
  openapi: LoadedOpenApi,
  origin: string,
  pact: Record<string, unknown>,
): Promise<OpenApiVerdict> {
  const { model } = pactInput(pact, origin);
  const problems = new Map<number, string[]>();
  const unjudged = new Set<number>();
  for (const interaction of model.interactions) {
    if (interaction.kind === 'http') problems.set(interaction.index, []);
    else unjudged.add(interaction.index);
  }
  const found = await checkAgainstOpenApi(openapi, [{ file: origin, raw: pact, version: model.version }]);
  for (const problem of found) {
    if (problem.code === 'PACT_OPENAPI_UNUSABLE') {
      throw new ContractKitError(ContractKitErrorCodes.configInvalid, `--openapi ${openapi.file}: ${problem.message}`);
    }
    const index = problem.order ?? -1;
    if (problem.code === 'PACT_OPENAPI_UNCHECKED') {
      unjudged.add(index);
      continue;
    }
    problems.get(index)?.push(problem.message);
  }
  return { problems, unjudged };
}
