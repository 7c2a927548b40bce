import Fastify from 'fastify';
import { defineProvider, defineStates } from '../../src/provider/index.ts';

/** A small provider for the broker workflow: products with an id and a name (and no price). */
export function productsProvider() {
  const products = new Map<number, { id: number; name: string }>();
  return defineProvider({
    provider: 'Products',
    app: () => {
      const app = Fastify();
      app.get<{ Params: { id: string } }>('/products/:id', async (request, reply) => {
        const product = products.get(Number(request.params.id));
        return product ?? reply.code(404).send({ error: 'not found' });
      });
      return app;
    },
    cleanState: async () => products.clear(),
    states: () =>
      defineStates({
        'a product exists': async (params: { id: number }) => {
          products.set(params.id, { id: params.id, name: `Product ${params.id}` });
        },
      }),
    logLevel: 'error',
  });
}

/** A V3 pact of `consumer` with Products: one GET of product 1, expecting `body`. */
export function productPact(consumer: string, description: string, body: Record<string, unknown>) {
  return {
    consumer: { name: consumer },
    provider: { name: 'Products' },
    interactions: [
      {
        description,
        providerStates: [{ name: 'a product exists', params: { id: 1 } }],
        request: { method: 'GET', path: '/products/1' },
        response: { status: 200, headers: { 'Content-Type': 'application/json; charset=utf-8' }, body },
      },
    ],
    metadata: { pactSpecification: { version: '3.0.0' } },
  };
}
