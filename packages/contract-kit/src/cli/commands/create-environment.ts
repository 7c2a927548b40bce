import { ensureEnvironment } from '../../broker-client/operations.ts';
import { readKitConfig } from '../../config/kit-config.ts';
import { optionalString, requireBroker } from '../options.ts';
import type { Values } from '../registry.ts';

export async function run(values: Values): Promise<number> {
  const config = readKitConfig();
  const name = optionalString(values, 'name') ?? config.environment;
  const displayName = optionalString(values, 'display-name');
  const created = await ensureEnvironment(requireBroker(config), name, values.production === true, {
    ...(displayName ? { displayName } : {}),
  });
  console.log(created ? `Created the environment ${name}.` : `The environment ${name} exists already.`);
  return 0;
}
