/** Small pacts between "A Consumer" and "A Provider", made for these tests (the real specs load their own). */
export interface Interaction {
  description: string;
  providerState?: string;
  request: { method: string; path: string; query?: string; headers?: Record<string, string>; body?: unknown };
  response: { status: number; body?: unknown };
}

export const interaction = (description: string, path = `/${description.replace(/\W+/g, '-')}`, status = 200) => ({
  description,
  providerState: 'things exist',
  request: { method: 'GET', path },
  response: { status, body: { description } },
});

export function abPact(interactions: Interaction[], consumer = 'A Consumer', provider = 'A Provider') {
  return {
    consumer: { name: consumer },
    provider: { name: provider },
    interactions,
    metadata: { pactSpecification: { version: '2.0.0' } },
  };
}

/** The real diff specs' pact: one request for something, whose method is what changes between versions. */
export const somethingPact = (method: string) => ({
  consumer: { name: 'Consumer' },
  provider: { name: 'Provider' },
  interactions: [
    {
      description: 'a request for something',
      providerState: null,
      request: { method, path: '/something', headers: { 'Content-Type': 'application/json' } },
      response: { status: 200, body: 'something' },
    },
  ],
});
