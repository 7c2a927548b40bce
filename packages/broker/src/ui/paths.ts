import { uiPath } from './html.ts';

export const pactPath = (provider: string, consumer: string, version: string): string =>
  uiPath('pacts', 'provider', provider, 'consumer', consumer, 'version', version);

/** The diff page; without `to` it compares the latest pact with the one before, without `from` `to` with its predecessor. */
export const diffPath = (provider: string, consumer: string, pick: { from?: string; to?: string } = {}): string => {
  const base = `${uiPath('pacts', 'provider', provider, 'consumer', consumer)}/diff`;
  const query = Object.entries(pick).map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
  return query.length === 0 ? base : `${base}?${query.join('&')}`;
};
