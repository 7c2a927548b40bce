import { MatchersV3 } from '@pact-foundation/pact';
import { describe, expect, it } from 'vitest';
import { authorized, jsonContent } from './matchers.ts';
import { clientFor, userServicePact } from './pact-setup.ts';

const { eachLike, integer, regex, string } = MatchersV3;
const pact = userServicePact(import.meta.url);

describe('OrderService looks up many users in one call', () => {
  it('gets the current names of the users it asks for', async () => {
    await pact
      .addInteraction()
      .given('users exist', { ids: [3, 7] })
      .uponReceiving('a batch lookup of users by id')
      .withRequest('GET', '/users', (req) =>
        req.headers(authorized).query({ ids: regex(/^[1-9][0-9]*(,[1-9][0-9]*)*$/, '3,7'), limit: '100' }),
      )
      .willRespondWith(200, (res) =>
        res.headers(jsonContent).jsonBody({ items: eachLike({ id: integer(3), name: string('Ada Lovelace') }) }),
      )
      .executeTest(async (server) => {
        await expect(clientFor(server.url).getUserNames([7, 3])).resolves.toEqual([{ id: 3, name: 'Ada Lovelace' }]);
      });
  });

  it('gets an empty list when none of the users exist', async () => {
    await pact
      .addInteraction()
      .given('no user exists', { id: 999 })
      .uponReceiving('a batch lookup of users that do not exist')
      .withRequest('GET', '/users', (req) => req.headers(authorized).query({ ids: '999', limit: '100' }))
      .willRespondWith(200, (res) => res.headers(jsonContent).jsonBody({ items: [] }))
      .executeTest(async (server) => {
        await expect(clientFor(server.url).getUserNames([999])).resolves.toEqual([]);
      });
  });
});
