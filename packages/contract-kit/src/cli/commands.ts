import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { canIDeploy, publishPacts, recordDeployment } from '../broker/operations.ts';
import { detectVersionInfo } from '../ci/version-info.ts';
import { type KitConfig, readKitConfig } from '../config/kit-config.ts';
import { ContractKitError, ContractKitErrorCodes } from '../errors.ts';
import { formatLintReport, type LintReportFormat, lintPacts } from '../lint/index.ts';
import { findPactFiles } from '../pact-files.ts';
import { type ProviderDefinition, stateNamesOf } from '../provider/define-provider.ts';
import { formatReport } from '../provider/results.ts';
import { type PactSource, verifyProvider } from '../provider/verify-provider.ts';

type Values = Record<string, string | boolean | undefined>;

interface Command {
  options: Record<string, { type: 'string' | 'boolean'; short?: string }>;
  run(values: Values, positionals: string[]): Promise<number>;
}

function requireBroker(config: KitConfig) {
  if (!config.broker) {
    throw new ContractKitError(
      ContractKitErrorCodes.configInvalid,
      'No broker configured: set PACT_BROKER_BASE_URL (and PACT_BROKER_TOKEN or PACT_BROKER_USERNAME/PASSWORD if it needs them).',
    );
  }
  return config.broker;
}

function requireString(values: Values, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') {
    throw new ContractKitError(ContractKitErrorCodes.configInvalid, `--${name} is required.`);
  }
  return value;
}

export async function loadProviderDefinition(modulePath: string): Promise<ProviderDefinition> {
  const loaded = (await import(pathToFileURL(resolve(modulePath)).href)) as { default?: ProviderDefinition };
  if (!loaded.default?.provider || typeof loaded.default.app !== 'function') {
    throw new ContractKitError(
      ContractKitErrorCodes.configInvalid,
      `${modulePath} must default-export defineProvider({ provider, app, states, … }) from contract-kit/provider.`,
    );
  }
  return loaded.default;
}

/** PACT_URL first (a webhook named one pact), then the broker's selection, then local files. */
export function pactSourceFor(config: KitConfig, provider: string, providerBranch: string): PactSource {
  if (config.pactUrl) return { pactUrl: config.pactUrl, ...(config.broker ? { broker: config.broker } : {}) };
  if (config.broker) {
    return {
      broker: config.broker,
      providerBranch,
      selectors: config.selectors,
      enablePending: config.enablePending,
      ...(config.includeWipPactsSince ? { includeWipPactsSince: config.includeWipPactsSince } : {}),
    };
  }
  return { pactFiles: findPactFiles(config.pactDir, { provider }) };
}

export const commands: Record<string, Command> = {
  lint: {
    options: { openapi: { type: 'string' }, provider: { type: 'string' }, format: { type: 'string' } },
    async run(values, positionals) {
      const config = readKitConfig();
      const format = (typeof values.format === 'string' ? values.format : 'text') as LintReportFormat;
      if (!['text', 'json', 'github'].includes(format)) {
        throw new ContractKitError(
          ContractKitErrorCodes.configInvalid,
          `--format must be text, json or github, not "${format}".`,
        );
      }
      const pactFiles = positionals.length > 0 ? positionals : findPactFiles(config.pactDir);
      const provider = typeof values.provider === 'string' ? await loadProviderDefinition(values.provider) : undefined;
      const report = await lintPacts({
        pactFiles,
        ...(provider ? { providerStates: stateNamesOf(provider) } : {}),
        ...(typeof values.openapi === 'string' ? { openapi: values.openapi } : {}),
      });
      console.log(formatLintReport(report, format));
      return report.errors > 0 ? 1 : 0;
    },
  },

  publish: {
    options: {},
    async run(_values, positionals) {
      const config = readKitConfig();
      const broker = requireBroker(config);
      const info = detectVersionInfo();
      const pacts = positionals.length > 0 ? positionals : [config.pactDir];
      console.log(
        `Publishing ${pacts.join(', ')} as version ${info.version} on branch ${info.branch} (${info.source})`,
      );
      console.log(
        await publishPacts(broker, {
          pacts,
          version: info.version,
          branch: info.branch,
          ...(info.buildUrl ? { buildUrl: info.buildUrl } : {}),
        }),
      );
      return 0;
    },
  },

  verify: {
    options: { provider: { type: 'string' } },
    async run(values) {
      const config = readKitConfig();
      const definition = await loadProviderDefinition(requireString(values, 'provider'));
      const info = detectVersionInfo();
      const source = pactSourceFor(config, definition.provider, info.branch);
      const publish = Boolean(config.broker) && (config.publishResults ?? info.isCi);
      const report = await verifyProvider({
        ...definition,
        source,
        ...(publish
          ? {
              publish: {
                providerVersion: info.version,
                providerBranch: info.branch,
                ...(info.buildUrl ? { buildUrl: info.buildUrl } : {}),
              },
            }
          : {}),
      });
      console.log(formatReport(report));
      console.log(
        publish
          ? `Results published as ${definition.provider} ${info.version} (${info.branch}).`
          : 'Results not published (set PACT_PUBLISH_VERIFICATION_RESULTS=true to publish outside CI).',
      );
      return report.passed ? 0 : 1;
    },
  },

  'can-i-deploy': {
    options: {
      pacticipant: { type: 'string' },
      version: { type: 'string' },
      'to-environment': { type: 'string' },
      'retry-while-unknown': { type: 'string' },
    },
    async run(values) {
      const config = readKitConfig();
      const pacticipant = requireString(values, 'pacticipant');
      const version = typeof values.version === 'string' ? values.version : detectVersionInfo().version;
      const environment = typeof values['to-environment'] === 'string' ? values['to-environment'] : config.environment;
      const retries = Number(values['retry-while-unknown'] ?? 0);
      if (!Number.isInteger(retries) || retries < 0) {
        throw new ContractKitError(
          ContractKitErrorCodes.configInvalid,
          '--retry-while-unknown must be a whole number of retries.',
        );
      }
      const decision = await canIDeploy(requireBroker(config), {
        pacticipant,
        version,
        environment,
        retryWhileUnknown: retries,
      });
      const verdict = decision.deployable === true ? 'yes' : decision.deployable === false ? 'no' : 'unknown';
      console.log(`Can ${pacticipant} ${version} be deployed to ${environment}? ${verdict}: ${decision.reason}`);
      return decision.deployable === true ? 0 : 1;
    },
  },

  'record-deployment': {
    options: { pacticipant: { type: 'string' }, version: { type: 'string' }, environment: { type: 'string' } },
    async run(values) {
      const config = readKitConfig();
      const pacticipant = requireString(values, 'pacticipant');
      const version = typeof values.version === 'string' ? values.version : detectVersionInfo().version;
      const environment = typeof values.environment === 'string' ? values.environment : config.environment;
      await recordDeployment(requireBroker(config), { pacticipant, version, environment });
      console.log(`Recorded ${pacticipant} ${version} as deployed to ${environment}.`);
      return 0;
    },
  },
};
