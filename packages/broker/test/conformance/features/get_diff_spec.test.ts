import { describe, expect, it } from 'vitest';
import { path as pathOf, publish, shaOf } from '../../helpers/broker.ts';
import { abPact, interaction } from '../pact-fixtures.ts';
import { freshBroker } from '../support.ts';

describe('spec/features/get_diff_spec.rb', () => {
  const broker = freshBroker();
  const path = '/pacts/provider/Provider/consumer/Consumer/version/3/diff/previous-distinct';
  const get = abPact([interaction('a request')], 'Consumer', 'Provider');
  const post = abPact([{ ...interaction('a request'), request: { method: 'post', path: '/a-request' } }], 'Consumer', 'Provider');
  // Version 1 posts; 2 and 3 get: 3's previous distinct version is 1.
  const setUp = async () => {
    for (const [version, content] of [['1', post], ['2', get], ['3', get]] as const) {
      await publish(broker.app, { consumer: 'Consumer', provider: 'Provider', version, content });
    }
  };

  describe('when the versions exist', () => {
    it('returns a 200 text response', async () => {
      await setUp();
      const response = await broker.get(path);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('text/plain;charset=utf-8');
    });

    it('returns the JSON representation of the diff', async () => {
      await setUp();
      const body = (await broker.get(path)).body;
      expect(body).toContain('"method": "post"');
      expect(body).toContain('"method": "GET"');
      expect(body).toMatch(/^-\s*"method": "post",?$/m);
      expect(body).toMatch(/^\+\s*"method": "GET",?$/m);
      expect(body).toContain('# Diff between versions 1 and 3 of the pact between Consumer and Provider');
      // Only what changed, with its context: the unchanged description is context, never a change.
      expect(body).not.toMatch(/^[-+].*"description"/m);
      expect(body).toContain('href: http://broker.test/pacts/provider/Provider/consumer/Consumer/version/1');
    });

    it('the pact links to it, and the other diffs give the same hunks', async () => {
      await setUp();
      const pact = (await broker.get('/pacts/provider/Provider/consumer/Consumer/version/3')).json();
      expect(pathOf(pact._links['pb:diff-previous-distinct'].href)).toBe(path);
      const hunks = (text: string) => text.split('\n').filter((l) => /^[-+@]/.test(l));
      const byVersion = await broker.get('/pacts/provider/Provider/consumer/Consumer/version/3/diff/version/1');
      expect(hunks(byVersion.body)).toEqual(hunks((await broker.get(path)).body));
      const [shaNew, shaOld] = [await shaOf(broker.app, 'Provider', 'Consumer', '3'), await shaOf(broker.app, 'Provider', 'Consumer', '1')];
      const bySha = await broker.get(`/pacts/provider/Provider/consumer/Consumer/pact-version/${shaNew}/diff/pact-version/${shaOld}`);
      expect(hunks(bySha.body)).toEqual(hunks(byVersion.body));
    });

    it('with no previous distinct version: says so', async () => {
      await setUp();
      const response = await broker.get('/pacts/provider/Provider/consumer/Consumer/version/1/diff/previous-distinct');
      expect(response.statusCode).toBe(200);
      expect(response.body).toBe('No previous distinct version was found for Pact between Consumer (1) and Provider');
    });
  });

  it('when either version does not exist: returns a 404 response', async () => {
    await setUp();
    expect((await broker.get('/pacts/provider/Provider/consumer/Consumer/versions/1/diff/previous-distinct')).statusCode).toBe(404);
    expect((await broker.get('/pacts/provider/Provider/consumer/Consumer/version/9/diff/previous-distinct')).statusCode).toBe(404);
    expect((await broker.get('/pacts/provider/Provider/consumer/Consumer/version/3/diff/version/9')).statusCode).toBe(404);
  });

});
