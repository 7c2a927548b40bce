import { describe, expect, it } from 'vitest';
import { UserServiceErrorCodes } from '../../src/user-service-client/index.ts';
import { errorBody, jsonContent } from './matchers.ts';
import { clientFor, userServicePact } from './pact-setup.ts';

const pact = userServicePact(import.meta.url);

// Tokens other than the placeholder reach UserService unchanged during verification,
// so these interactions prove UserService refuses them.
const unknownToken = 'token-that-was-never-issued';
const readlessToken = 'token-without-users-read';

describe('OrderService is refused by UserService', () => {
  it('without a token', async () => {
    await pact
      .addInteraction()
      .given('a user exists', { id: 42, status: 'active' })
      .uponReceiving('a request for a user without a token')
      .withRequest('GET', '/users/42', (req) => req.headers({ Accept: 'application/json' }))
      .willRespondWith(401, (res) => res.headers(jsonContent).jsonBody(errorBody('AUTH_TOKEN_MISSING')))
      .executeTest(async (server) => {
        await expect(clientFor(server.url, null).getUser(42)).rejects.toMatchObject({
          code: UserServiceErrorCodes.unauthorized,
          upstreamCode: 'AUTH_TOKEN_MISSING',
        });
      });
  });

  it('with a token UserService never issued', async () => {
    await pact
      .addInteraction()
      .given('a user exists', { id: 42, status: 'active' })
      .uponReceiving('a request for a user with an unknown token')
      .withRequest('GET', '/users/42', (req) =>
        req.headers({ Authorization: `Bearer ${unknownToken}`, Accept: 'application/json' }),
      )
      .willRespondWith(401, (res) => res.headers(jsonContent).jsonBody(errorBody('AUTH_TOKEN_INVALID')))
      .executeTest(async (server) => {
        const client = clientFor(server.url, unknownToken);
        await expect(client.getUser(42)).rejects.toMatchObject({
          code: UserServiceErrorCodes.unauthorized,
          upstreamCode: 'AUTH_TOKEN_INVALID',
        });
      });
  });

  it('with a token that lacks the users:read scope', async () => {
    await pact
      .addInteraction()
      .given('a user exists', { id: 42, status: 'active' })
      .given('a token exists', { token: readlessToken, scopes: ['users:write'] })
      .uponReceiving('a request for a user with a token lacking users:read')
      .withRequest('GET', '/users/42', (req) =>
        req.headers({ Authorization: `Bearer ${readlessToken}`, Accept: 'application/json' }),
      )
      .willRespondWith(403, (res) => res.headers(jsonContent).jsonBody(errorBody('AUTH_SCOPE_MISSING')))
      .executeTest(async (server) => {
        const client = clientFor(server.url, readlessToken);
        await expect(client.getUser(42)).rejects.toMatchObject({
          code: UserServiceErrorCodes.forbidden,
          upstreamCode: 'AUTH_SCOPE_MISSING',
        });
      });
  });
});
