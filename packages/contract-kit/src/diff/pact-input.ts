/** A parsed pact (from a file, git, the broker's database…) as the lint's model, or a coded error. */
import { ContractKitError, ContractKitErrorCodes } from '../errors.ts';
import { modelPact, type PactModel } from '../lint/pact-model.ts';
import type { PactVersion } from '../lint/schemas/validate.ts';

type Json = Record<string, unknown>;

function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function declaredVersion(metadata: Json): string | undefined {
  for (const key of ['pactSpecification', 'pact-specification']) {
    const spec = metadata[key];
    if (isJson(spec) && spec.version !== undefined) return String(spec.version);
  }
  return metadata.pactSpecificationVersion === undefined ? undefined : String(metadata.pactSpecificationVersion);
}

export interface PactInput {
  consumer: string | undefined;
  provider: string | undefined;
  model: PactModel;
}

/** `label` names the pact in the error ("the old pact", a file name). */
export function pactInput(pact: unknown, label: string): PactInput {
  if (!isJson(pact) || (!Array.isArray(pact.interactions) && !Array.isArray(pact.messages))) {
    throw new ContractKitError(
      ContractKitErrorCodes.pactInputInvalid,
      `${label} is not a pact: a pact is a JSON object with an "interactions" (or "messages") list.`,
    );
  }
  const text = declaredVersion(isJson(pact.metadata) ? pact.metadata : {});
  const major = text === undefined ? undefined : /^v?(\d+)(?:\.|$)/i.exec(text.trim())?.[1];
  const v4 = Array.isArray(pact.interactions) && pact.interactions.some((i) => isJson(i) && typeof i.type === 'string');
  const version = (major === '2' || major === '3' || major === '4' ? Number(major) : v4 ? 4 : 3) as PactVersion;
  const name = (value: unknown) => (isJson(value) && typeof value.name === 'string' ? value.name : undefined);
  return { consumer: name(pact.consumer), provider: name(pact.provider), model: modelPact(pact, version) };
}
