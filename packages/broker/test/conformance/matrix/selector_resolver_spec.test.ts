import { beforeEach, describe, expect, it } from 'vitest';
import { pactBetween } from '../logic-support.ts';
import { freshBroker } from '../support.ts';

// This broker's resource names are always case sensitive (the real broker's default,
// use_case_sensitive_resource_names = true); the case-insensitive examples have no switch to run against.
describe('spec/lib/pact_broker/matrix/selector_resolver_spec.rb', () => {
  const broker = freshBroker();

  beforeEach(() => pactBetween(broker, 'Foo', '1', 'Bar'));

  describe('.resolve_specified_selectors', () => {
    it('when use_case_sensitive_resource_names is true: does not resolve a pacticipant name that differs only in case', async () => {
      const response = await broker.get('/matrix?q[][pacticipant]=foo&q[][version]=1&latestby=cvpv');
      expect(response.statusCode).toBe(400);
      expect(response.json().errors).toEqual(['Pacticipant foo not found']);
      const exact = await broker.get('/matrix?q[][pacticipant]=Foo&q[][version]=1&latestby=cvpv');
      expect(exact.statusCode).toBe(200);
    });
  });
});
