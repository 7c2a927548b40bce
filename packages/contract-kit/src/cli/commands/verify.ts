import { detectVersionInfo } from '../../ci/version-info.ts';
import { type KitConfig, readKitConfig } from '../../config/kit-config.ts';
import { findPactFiles } from '../../pact-files.ts';
import { loadProviderDefinition } from '../../provider/load-definition.ts';
import { formatReport } from '../../provider/results.ts';
import { type PactSource, verifyProvider } from '../../provider/verify-provider.ts';
import { optionalString, requireString } from '../options.ts';
import type { Values } from '../registry.ts';

/** PACT_URL alone when set (a webhook named one pact), else the broker's selection, else local files. */
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

export async function run(values: Values): Promise<number> {
  const config = readKitConfig();
  const module = requireString(values, 'provider');
  const exportName = optionalString(values, 'export');
  const definition = await loadProviderDefinition(module, exportName);
  const info = await detectVersionInfo();
  const source = pactSourceFor(config, definition.provider, info.branch);
  const fromBroker = !('pactFiles' in source);
  const publish = fromBroker && (config.publishResults ?? info.isCi);
  const report = await verifyProvider({
    // Shard workers load the definition from the same module (unless it names its own).
    module,
    ...(exportName ? { exportName } : {}),
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
  const pacts = new Set(report.interactions.map((i) => i.pact.location)).size;
  console.log(
    publish
      ? `Results of ${pacts} pact${pacts === 1 ? '' : 's'} published as ${definition.provider} ${info.version} (${info.branch}).`
      : fromBroker
        ? 'Results not published (set PACT_PUBLISH_VERIFICATION_RESULTS=true to publish outside CI).'
        : 'Local pact files: no results to publish.',
  );
  return report.passed ? 0 : 1;
}
