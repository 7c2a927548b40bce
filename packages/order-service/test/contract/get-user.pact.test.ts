import { MatchersV3 } from '@pact-foundation/pact';
import { describe, expect, it } from 'vitest';
import { UserServiceErrorCodes } from '../../src/user-service-client/index.ts';
import { authorized, errorBody, jsonContent, userBody } from './matchers.ts';
import { clientFor, userServicePact } from './pact-setup.ts';

const pact = userServicePact(import.meta.url);

describe('OrderService reads one user from UserService', () => {
  it('gets an active user', async () => {
    await pact
      .addInteraction()
      .given('a user exists', { id: 42, status: 'active' })
      .uponReceiving('a request for an active user')
      .withRequest('GET', '/users/42', (req) => req.headers(authorized))
      .willRespondWith(200, (res) => res.headers(jsonContent).jsonBody(userBody({ status: 'active' })))
      .executeTest(async (server) => {
        const user = await clientFor(server.url).getUser(42);
        expect(user).toEqual({
          id: 42,
          name: 'Ada Lovelace',
          email: 'ada@example.com',
          status: 'active',
          customerSince: '2026-01-02T03:04:05.000Z',
          address: { street: '12 Analytical Row', city: 'London', postalCode: 'N1 9GU', country: 'GB' },
        });
      });
  });

  it('gets a suspended user', async () => {
    await pact
      .addInteraction()
      .given('a user exists', { id: 43, status: 'suspended' })
      .uponReceiving('a request for a suspended user')
      .withRequest('GET', '/users/43', (req) => req.headers(authorized))
      .willRespondWith(200, (res) =>
        res.headers(jsonContent).jsonBody(userBody({ id: MatchersV3.integer(43), status: 'suspended' })),
      )
      .executeTest(async (server) => {
        const user = await clientFor(server.url).getUser(43);
        expect(user.status).toBe('suspended');
      });
  });

  it('gets a user whose id only UserService knows', async () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a Pact provider-state expression, filled in by the provider.
    const idPath = MatchersV3.fromProviderState('/users/${id}', '/users/7');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: as above.
    const idValue = MatchersV3.fromProviderState('${id}', 7);
    await pact
      .addInteraction()
      .given('a user exists', { status: 'active' })
      .uponReceiving('a request for a user by the id UserService assigned')
      .withRequest('GET', idPath, (req) => req.headers(authorized))
      .willRespondWith(200, (res) => res.headers(jsonContent).jsonBody(userBody({ id: idValue, status: 'active' })))
      .executeTest(async (server) => {
        const user = await clientFor(server.url).getUser(7);
        expect(user.id).toBe(7);
      });
  });

  it('learns that a user does not exist', async () => {
    await pact
      .addInteraction()
      .given('no user exists', { id: 404 })
      .uponReceiving('a request for a user that does not exist')
      .withRequest('GET', '/users/404', (req) => req.headers(authorized))
      .willRespondWith(404, (res) => res.headers(jsonContent).jsonBody(errorBody('USER_NOT_FOUND')))
      .executeTest(async (server) => {
        await expect(clientFor(server.url).getUser(404)).rejects.toMatchObject({
          code: UserServiceErrorCodes.notFound,
          status: 404,
          upstreamCode: 'USER_NOT_FOUND',
        });
      });
  });
});
