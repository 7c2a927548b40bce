/**
 * A synthetic OrderService → UserService pact of `count` interactions, each with a provider state
 * ("a user exists" with its own id) and a real token: the shape of the project's own pact, at scale.
 */
export function syntheticPact(count: number, options: { consumer?: string } = {}) {
  const interactions = Array.from({ length: count }, (_, index) => {
    const id = index + 1;
    return {
      type: 'Synchronous/HTTP',
      description: `a request for user ${id}`,
      pending: false,
      providerStates: [{ name: 'a user exists', params: { id, status: 'active' } }],
      request: {
        method: 'GET',
        path: `/users/${id}`,
        headers: { Authorization: ['Bearer contract-kit-placeholder-token'], Accept: ['application/json'] },
      },
      response: {
        status: 200,
        headers: { 'Content-Type': ['application/json; charset=utf-8'] },
        body: {
          contentType: 'application/json',
          encoded: false,
          content: { id, name: `User ${id}`, email: `user${id}@example.com`, status: 'active' },
        },
        matchingRules: {
          body: {
            '$.name': { combine: 'AND', matchers: [{ match: 'type' }] },
            '$.email': { combine: 'AND', matchers: [{ match: 'regex', regex: '^[^@\\s]+@[^@\\s]+$' }] },
          },
        },
      },
    };
  });
  return {
    consumer: { name: options.consumer ?? 'OrderService' },
    provider: { name: 'UserService' },
    interactions,
    metadata: { pactSpecification: { version: '4.0' } },
  };
}
