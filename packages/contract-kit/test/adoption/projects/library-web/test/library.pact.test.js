const { MatchersV3 } = require('@pact-foundation/pact');
const { createConsumerPact } = require('contract-kit/consumer');
const { getBook } = require('../src-client.js');

// No testFile: jest names the running test file itself.
const pact = createConsumerPact({ consumer: 'LibraryWeb', provider: 'Library', pactDir: 'pacts' });

test('reads a book by id', async () => {
  await pact
    .addInteraction()
    .given('a book exists', { id: 7 })
    .uponReceiving('a request for book 7')
    // The pact carries LibraryWeb's own token; the provider swaps it with requestFilter.
    .withRequest('GET', '/books/7', (builder) => builder.headers({ Authorization: 'Bearer reader-token' }))
    .willRespondWith(200, (builder) =>
      builder.jsonBody({ id: MatchersV3.integer(7), title: MatchersV3.string('Dune') }),
    )
    .executeTest(async (server) => {
      expect(await getBook(server.url, 7, 'reader-token')).toEqual({ id: 7, title: 'Dune' });
    });
});

test('gets 404 for a book that does not exist', async () => {
  await pact
    .addInteraction()
    .given('no book exists')
    .uponReceiving('a request for a missing book')
    .withRequest('GET', '/books/99', (builder) => builder.headers({ Authorization: 'Bearer reader-token' }))
    .willRespondWith(404)
    .executeTest(async (server) => {
      await expect(getBook(server.url, 99, 'reader-token')).rejects.toThrow('Library answered 404');
    });
});
