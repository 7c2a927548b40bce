import { envSchema, type JSONSchemaType } from 'env-schema';
import { ConfigError } from './errors.ts';

/**
 * Reads configuration once, at the edge, validated with ajv and with defaults applied.
 * Nothing below the caller reads `process.env`.
 */
export function loadConfig<T>(
  service: string,
  schema: JSONSchemaType<T> | Record<string, unknown>,
  env: NodeJS.ProcessEnv = process.env,
): T {
  try {
    // `env: false`: read only the given environment, so a caller (or a test) passing its own object is not
    // silently merged with process.env.
    return envSchema<T>({ schema: schema as JSONSchemaType<T>, data: env, env: false, dotenv: false });
  } catch (err) {
    throw new ConfigError(service, err as Error);
  }
}
