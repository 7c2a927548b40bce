import { readKitConfig } from '../../config/kit-config.ts';
import { ContractKitError, ContractKitErrorCodes } from '../../errors.ts';
import { formatLintReport, type LintReportFormat, lintPacts } from '../../lint/index.ts';
import { expandPactPaths, findPactFiles } from '../../pact-files.ts';
import { messageNamesOf, stateNamesOf } from '../../provider/define-provider.ts';
import { loadProviderDefinition } from '../../provider/load-definition.ts';
import { optionalString } from '../options.ts';
import type { Values } from '../registry.ts';

export async function run(values: Values, positionals: string[]): Promise<number> {
  const config = readKitConfig();
  const format = (optionalString(values, 'format') ?? 'text') as LintReportFormat;
  if (!['text', 'json', 'github'].includes(format)) {
    throw new ContractKitError(
      ContractKitErrorCodes.configInvalid,
      `--format must be text, json or github, not "${format}".`,
    );
  }
  const pactFiles = positionals.length > 0 ? expandPactPaths(positionals) : findPactFiles(config.pactDir);
  if (pactFiles.length === 0) {
    throw new ContractKitError(
      ContractKitErrorCodes.noPacts,
      `No pact files in ${positionals.length > 0 ? positionals.join(', ') : config.pactDir}: nothing to lint.`,
    );
  }
  const providerModule = optionalString(values, 'provider');
  const definition = providerModule ? await loadProviderDefinition(providerModule) : undefined;
  const states = definition ? stateNamesOf(definition) : undefined;
  const producers = definition ? messageNamesOf(definition) : undefined;
  const openapi = optionalString(values, 'openapi');
  const report = await lintPacts({
    pactFiles,
    ...(states ? { providerStates: states } : {}),
    ...(producers ? { messageProducers: producers } : {}),
    ...(openapi ? { openapi } : {}),
  });
  console.log(formatLintReport(report, format));
  return report.errors > 0 ? 1 : 0;
}
