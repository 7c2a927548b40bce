import { publishPacts } from '../../broker-client/operations.ts';
import { detectVersionInfo } from '../../ci/version-info.ts';
import { readKitConfig } from '../../config/kit-config.ts';
import { requireBroker } from '../options.ts';
import type { Values } from '../registry.ts';

export async function run(_values: Values, positionals: string[]): Promise<number> {
  const config = readKitConfig();
  const broker = requireBroker(config);
  const info = await detectVersionInfo();
  const pacts = positionals.length > 0 ? positionals : [config.pactDir];
  console.log(`Publishing ${pacts.join(', ')} as version ${info.version} on branch ${info.branch} (${info.source})`);
  console.log(
    await publishPacts(broker, {
      pacts,
      version: info.version,
      branch: info.branch,
      ...(info.buildUrl ? { buildUrl: info.buildUrl } : {}),
    }),
  );
  return 0;
}
