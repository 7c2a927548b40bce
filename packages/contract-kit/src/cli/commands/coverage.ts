import { readFileSync, writeFileSync } from 'node:fs';
import { readKitConfig } from '../../config/kit-config.ts';
import { latestPactsOf } from '../../coverage/broker-pacts.ts';
import { computeCoverage } from '../../coverage/compute-coverage.ts';
import { type CoverageFormat, coverageFormats, formatCoverage } from '../../coverage/format.ts';
import { loadOpenApiOrThrow } from '../../diff/openapi-check.ts';
import { ContractKitError, ContractKitErrorCodes } from '../../errors.ts';
import { expandPactPaths, findPactFiles } from '../../pact-files.ts';
import { optionalString, requireBroker, requireString } from '../options.ts';
import type { Values } from '../registry.ts';

type Json = Record<string, unknown>;

function readPact(file: string): Json {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Json;
  } catch (err) {
    throw new ContractKitError(
      ContractKitErrorCodes.pactInputInvalid,
      `${file} is not a readable pact: ${(err as Error).message}`,
    );
  }
}

const providerOf = (pact: Json) => (pact.provider as { name?: unknown } | undefined)?.name;

export async function run(values: Values, positionals: string[]): Promise<number> {
  const config = readKitConfig();
  const format = (optionalString(values, 'format') ?? 'text') as CoverageFormat;
  if (!coverageFormats.includes(format)) {
    throw new ContractKitError(
      ContractKitErrorCodes.configInvalid,
      `--format must be ${coverageFormats.join(', ')}, not "${format}".`,
    );
  }
  const openapi = await loadOpenApiOrThrow(requireString(values, 'openapi'));
  const title = (openapi.document.info as { title?: unknown } | undefined)?.title;
  // The provider is the document's own title unless named: the pacts are those with that provider.
  const provider = optionalString(values, 'provider') ?? (typeof title === 'string' ? title : undefined);
  let pacts: Json[];
  if (values.broker === true) {
    if (!provider) throw new ContractKitError(ContractKitErrorCodes.configInvalid, '--broker needs --provider <name>.');
    pacts = await latestPactsOf(requireBroker(config), provider);
  } else {
    const where = positionals.length > 0 ? positionals.join(', ') : config.pactDir;
    const all = (positionals.length > 0 ? expandPactPaths(positionals) : findPactFiles(config.pactDir)).map(readPact);
    pacts = provider ? all.filter((p) => providerOf(p) === provider) : all;
    if (pacts.length === 0) {
      throw new ContractKitError(
        ContractKitErrorCodes.noPacts,
        `No pacts${provider ? ` with the provider ${provider}` : ''} in ${where}${all.length > 0 ? ` (there are pacts with ${[...new Set(all.map(providerOf))].join(', ')}: name one with --provider)` : ''}.`,
      );
    }
  }
  const output = formatCoverage(computeCoverage(openapi.document, pacts), format);
  const file = optionalString(values, 'output');
  if (file) writeFileSync(file, output.endsWith('\n') ? output : `${output}\n`);
  else console.log(output);
  return 0;
}
