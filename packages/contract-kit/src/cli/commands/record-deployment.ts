import { recordDeployment } from '../../broker-client/operations.ts';
import { detectVersionInfo } from '../../ci/version-info.ts';
import { readKitConfig } from '../../config/kit-config.ts';
import { optionalString, requireBroker, requireString } from '../options.ts';
import type { Values } from '../registry.ts';

export async function run(values: Values): Promise<number> {
  const config = readKitConfig();
  const pacticipant = requireString(values, 'pacticipant');
  const version = optionalString(values, 'version') ?? (await detectVersionInfo()).version;
  const environment = optionalString(values, 'environment') ?? config.environment;
  await recordDeployment(requireBroker(config), { pacticipant, version, environment });
  console.log(`Recorded ${pacticipant} ${version} as deployed to ${environment}.`);
  return 0;
}
