import { beforeEach, describe, expect, it } from 'vitest';
import { publish } from '../../helpers/broker.ts';
import { somethingPact } from '../pact-fixtures.ts';
import { freshBroker } from '../support.ts';

/**
 * The real Diff builds the text that the diff resources serve; the examples here read it from them:
 * `…/version/3/diff/version/4` compares with a given version, `…/version/N/diff/previous-distinct` with the
 * previous distinct one. Versions 1 (post) and 4 (delete) differ from 2 and 3 (get) in one request method.
 */
describe('spec/lib/pact_broker/pacts/diff_spec.rb', () => {
  const broker = freshBroker();
  const between = '/pacts/provider/Provider/consumer/Consumer';
  const content = somethingPact;

  beforeEach(async () => {
    for (const [version, method] of [
      ['1', 'post'],
      ['2', 'get'],
      ['3', 'get'],
      ['4', 'delete'],
    ] as const) {
      await publish(broker.app, { consumer: 'Consumer', provider: 'Provider', version, content: content(method) });
    }
  });

  const diff = async (path: string) => {
    const response = await broker.get(`${between}${path}`);
    expect(response.statusCode).toBe(200);
    return response.body;
  };

  describe('#process', () => {
    describe('when a comparison version is specified', () => {
      it('compares the two pacts', async () => {
        const text = await diff('/version/3/diff/version/4');
        expect(text).toContain('Pact between Consumer (3) and Provider');
        expect(text).toContain('Pact between Consumer (4) and Provider');
        expect(text).toMatch(/^-\s*"method": "delete",?$/m);
        expect(text).toMatch(/^\+\s*"method": "get",?$/m);
      });

      // Pending in the real spec, whose expectation misspells the key; this broker's key is spelled right.
      it('includes a link to the comparison pact', async () => {
        const text = await diff('/version/3/diff/version/4');
        expect(text).toContain(
          ['comparison-pact-version:', '  title: Pact', '  name: Pact between Consumer (4) and Provider'].join('\n'),
        );
        expect(text).toContain(`  href: http://broker.test${between}/version/4`);
      });
    });

    describe('when there is a previous distinct version', () => {
      it('indicates when the previous change was made', async () => {
        // Version 3's previous distinct version is 1; the change came with version 2, the next after it.
        const changedAt = (await broker.get(`${between}/version/2`)).json().createdAt as string;
        expect(await diff('/version/3/diff/previous-distinct')).toContain(
          `The following changes were made in the version published at ${changedAt}`,
        );
      });

      it('returns the formatted diff', async () => {
        const text = await diff('/version/3/diff/previous-distinct');
        // No `interactions` here: a unified diff shows the lines around a change, not its path (see the README).
        expect(text).toContain('"path": "/something"');
        expect(text).toContain('post');
        expect(text).toContain('get');
        expect(text).toContain('# Diff between versions 1 and 3 of the pact between Consumer and Provider');
      });
    });

    describe('when there is not a previous distinct version (this needs to be moved into the resource)', () => {
      it('returns a message indicating there was no previous distinct version found', async () => {
        expect(await diff('/version/1/diff/previous-distinct')).toContain('No previous distinct version was found');
      });
    });
  });
});
