import { describe, expect, it } from 'vitest';
import { publish } from '../../helpers/broker.ts';
import { somethingPact } from '../pact-fixtures.ts';
import { freshBroker } from '../support.ts';

/**
 * The formatted diff is the body of the diff resources: here a unified diff of both pacts pretty-printed with
 * sorted keys (see the README), `-` lines the comparison pact's, `+` lines the pact's own.
 */
describe('spec/lib/pact_broker/pacts/create_formatted_diff_spec.rb', () => {
  const broker = freshBroker();
  const content = somethingPact;

  describe('.call', () => {
    it('returns the formatted diff', async () => {
      await publish(broker.app, { consumer: 'Consumer', provider: 'Provider', version: '1', content: content('post') });
      await publish(broker.app, { consumer: 'Consumer', provider: 'Provider', version: '2', content: content('get') });
      const response = await broker.get('/pacts/provider/Provider/consumer/Consumer/version/2/diff/version/1');
      expect(response.statusCode).toBe(200);
      const text = response.body;
      // The real diff names the path of a change, from `interactions` down; a unified diff shows the lines
      // around it instead (see the README), here the request's headers and path.
      expect(text).toContain('"Content-Type": "application/json"');
      expect(text).toContain('"path": "/something"');
      expect(text).toMatch(/-.*post/);
      expect(text).toMatch(/\+.*get/);
      expect(text).not.toContain('Key');
      // Only the changed line is a change; the rest is context.
      expect(text.split('\n').filter((line) => /^[-+]/.test(line))).toEqual([
        '-        "method": "post",',
        '+        "method": "get",',
      ]);
    });
  });
});
