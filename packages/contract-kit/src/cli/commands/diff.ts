import { readKitConfig } from '../../config/kit-config.ts';
import { compareSides } from '../../diff/compare-sides.ts';
import { type DiffFormat, diffFormats, formatDiffReport } from '../../diff/format.ts';
import { loadOpenApiOrThrow } from '../../diff/openapi-check.ts';
import { parseBrokerSpec, readSide, type SideContext, splitRange } from '../../diff/sources.ts';
import { ContractKitError, ContractKitErrorCodes } from '../../errors.ts';
import { optionalString } from '../options.ts';
import type { Values } from '../registry.ts';

/** OLD NEW; `A..B` (git revisions); or OLD alone, against the pact folder as it is now. */
function sidesOf(positionals: string[], pactDir: string): [string, string] {
  const [first, second, ...rest] = positionals;
  if (first === undefined || rest.length > 0) {
    throw new ContractKitError(
      ContractKitErrorCodes.configInvalid,
      'diff takes OLD and NEW (pact files, folders, git revisions or broker:<consumer>@<version>), or a range such as main..HEAD.',
    );
  }
  if (second !== undefined) return [first, second];
  return splitRange(first) ?? [first, pactDir];
}

export async function run(values: Values, positionals: string[]): Promise<number> {
  const config = readKitConfig();
  const format = (optionalString(values, 'format') ?? 'text') as DiffFormat;
  if (!diffFormats.includes(format)) {
    throw new ContractKitError(
      ContractKitErrorCodes.configInvalid,
      `--format must be ${diffFormats.join(', ')}, not "${format}".`,
    );
  }
  const [oldSpec, newSpec] = sidesOf(positionals, config.pactDir);
  const openapiFile = optionalString(values, 'openapi');
  const openapi = openapiFile ? await loadOpenApiOrThrow(openapiFile) : undefined;
  const provider = optionalString(values, 'provider');
  const context: Omit<SideContext, 'providers'> = {
    cwd: process.cwd(),
    pactDir: config.pactDir,
    ...(config.broker ? { broker: config.broker } : {}),
  };
  // A broker side needs to know which provider's pact to fetch: the other side's, or --provider.
  const first = parseBrokerSpec(oldSpec) ? newSpec : oldSpec;
  const second = first === oldSpec ? newSpec : oldSpec;
  const known = await readSide(first, { ...context, providers: provider ? [provider] : [] });
  const providers = provider ? [provider] : [...new Set(known.pacts.map((p) => p.provider))];
  const other = await readSide(second, { ...context, providers });
  const [before, after] = first === oldSpec ? [known, other] : [other, known];
  const filter = <T extends { provider: string }>(pacts: T[]) =>
    provider ? pacts.filter((p) => p.provider === provider) : pacts;
  const report = await compareSides(
    { ...before, pacts: filter(before.pacts) },
    { ...after, pacts: filter(after.pacts) },
    { ...(openapi ? { openapi } : {}), ...(config.broker ? { broker: config.broker } : {}) },
  );
  if (report.pairs.length === 0) {
    throw new ContractKitError(
      ContractKitErrorCodes.noPacts,
      `No pacts in ${oldSpec} or ${newSpec}: nothing to compare.`,
    );
  }
  console.log(formatDiffReport(report, format));
  return report.blocking ? 1 : 0;
}
