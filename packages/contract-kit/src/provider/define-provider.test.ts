import { describe, expect, it } from 'vitest';
import { ContractKitError, ContractKitErrorCodes } from '../errors.ts';
import { defineProvider, messageNamesOf, stateNamesOf } from './define-provider.ts';
import { defineMessages } from './messages/producers.ts';

const produced = async () => ({ contents: { ok: true } });

describe('what lint reads from a provider definition without building the app', () => {
  it('its message descriptions, sorted, and its state names', () => {
    const definition = defineProvider<{ db: string }>({
      provider: 'Shop',
      app: () => ({ db: 'shop' }),
      states: (app) => ({ 'a basket exists': async () => ({ db: app.db }) }),
      messages: (app) =>
        defineMessages({
          'an order.placed event': async () => ({ contents: { db: app.db } }),
          'a basket.emptied event': produced,
        }),
    });
    expect(messageNamesOf(definition)).toEqual(['a basket.emptied event', 'an order.placed event']);
    expect(stateNamesOf(definition)).toEqual(['a basket exists']);
  });

  it('no producers when the definition has no messages; nothing to read for a stateChangeUrl provider', () => {
    expect(messageNamesOf(defineProvider({ provider: 'Shop', baseUrl: 'http://127.0.0.1:1' }))).toEqual([]);
    expect(
      messageNamesOf(
        defineProvider({ provider: 'Shop', baseUrl: 'http://127.0.0.1:1', stateChangeUrl: 'http://127.0.0.1:1/s' }),
      ),
    ).toBeUndefined();
  });

  it('refuses producers built from the app itself, saying where to use it', () => {
    const definition = defineProvider<{ events: { names(): string[] } }>({
      provider: 'Shop',
      app: () => ({ events: { names: () => ['x'] } }),
      messages: (app) => Object.fromEntries(app.events.names().map((name) => [name, produced])),
    });
    let thrown: unknown;
    try {
      messageNamesOf(definition);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(ContractKitError);
    expect((thrown as ContractKitError).code).toBe(ContractKitErrorCodes.configInvalid);
    expect((thrown as ContractKitError).message).toMatch(
      /^The provider definition of "Shop" has `messages` that use the app while building the producers \(.+\): use it inside each producer/,
    );
  });
});
