import { MatchersV3 } from '@pact-foundation/pact';
import { createConsumerPact } from 'contract-kit/consumer';
import { expect, test } from 'vitest';
import { getProduct } from '../src/catalog-client.ts';

// No import.meta.url: vitest names the running test file itself.
const pact = createConsumerPact({ consumer: 'CatalogWeb', provider: 'Catalog', pactDir: 'pacts' });

test('reads a product with its price', async () => {
  await pact
    .addInteraction()
    .given('a product exists', { id: 7 })
    .uponReceiving('a request for product 7')
    .withRequest('GET', '/products/7', (builder) => builder.headers({ Accept: 'application/json' }))
    .willRespondWith(200, (builder) =>
      builder.jsonBody({
        id: MatchersV3.integer(7),
        name: MatchersV3.string('Green tea'),
        price: MatchersV3.integer(350),
      }),
    )
    .executeTest(async (server) => {
      const product = await getProduct(server.url, 7);
      // BREAK_CONSUMER: the test expects what the mock does not answer.
      expect(product.price).toBe(process.env.BREAK_CONSUMER ? 999 : 350);
    });
});

test('gets 404 for a product that does not exist', async () => {
  await pact
    .addInteraction()
    .given('no product exists')
    .uponReceiving('a request for a missing product')
    .withRequest('GET', '/products/99', (builder) => builder.headers({ Accept: 'application/json' }))
    .willRespondWith(404)
    .executeTest(async (server) => {
      await expect(getProduct(server.url, 99)).rejects.toThrow('Catalog answered 404');
    });
});
