import type { BrokerConnection, KitConfig } from '../config/kit-config.ts';
import { ContractKitError, ContractKitErrorCodes } from '../errors.ts';
import type { Values } from './registry.ts';

export function requireBroker(config: KitConfig): BrokerConnection {
  if (!config.broker) {
    throw new ContractKitError(
      ContractKitErrorCodes.configInvalid,
      'No broker configured: set PACT_BROKER_BASE_URL (and PACT_BROKER_TOKEN or PACT_BROKER_USERNAME/PASSWORD if it needs them).',
    );
  }
  return config.broker;
}

export function requireString(values: Values, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') {
    throw new ContractKitError(ContractKitErrorCodes.configInvalid, `--${name} is required.`);
  }
  return value;
}

export function optionalString(values: Values, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function wholeNumber(values: Values, name: string, fallback: number): number {
  const value = values[name];
  if (value === undefined) return fallback;
  const number = Number(value);
  if (typeof value !== 'string' || value === '' || !Number.isInteger(number) || number < 0) {
    throw new ContractKitError(
      ContractKitErrorCodes.configInvalid,
      `--${name} must be a whole number, not "${value}".`,
    );
  }
  return number;
}
