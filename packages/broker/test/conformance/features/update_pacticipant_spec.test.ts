import type { InjectOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import { freshBroker, HAL } from '../support.ts';

describe('spec/features/update_pacticipant_spec.rb', () => {
  const broker = freshBroker();
  const path = '/pacticipants/Some%20Consumer';
  const send = (method: InjectOptions['method'], body: unknown, contentType = 'application/json') =>
    broker.app.inject({ method, url: path, payload: JSON.stringify(body), headers: { 'content-type': contentType } });

  describe('with a PUT', () => {
    const all = { repositoryUrl: 'http://foo', repositoryName: 'name', repositoryNamespace: 'org', mainBranch: 'main' };

    describe('when the pacticipant exists', () => {
      it('is a HAL JSON success response; updates the properties', async () => {
        await broker.post('/pacticipants', { name: 'Some Consumer' });
        const response = await send('PUT', all);
        expect(response.statusCode).toBe(200);
        expect(response.headers['content-type']).toBe(HAL);
        expect(response.json()).toMatchObject(all);
      });

      it('with only some of the properties set: blanks out the missing ones', async () => {
        await broker.post('/pacticipants', { name: 'Some Consumer', repositoryName: 'existing' });
        const response = await send('PUT', { repositoryUrl: 'http://foo' });
        expect(response.json().repositoryUrl).toBe('http://foo');
        expect(response.json().repositoryName ?? null).toBeNull();
      });
    });

    it('when the pacticipant does not exist: is a 404 response', async () => {
      const response = await send('PUT', all);
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe('BROKER_PACTICIPANT_NOT_FOUND');
    });

    it('with application/merge-patch+json: status 415', async () => {
      await broker.post('/pacticipants', { name: 'Some Consumer' });
      const response = await send('PUT', { repositoryUrl: 'http://foo' }, 'application/merge-patch+json');
      expect(response.statusCode).toBe(415);
      expect(response.json().code).toBeDefined();
    });
  });

  describe('with a PATCH', () => {
    for (const contentType of ['application/json', 'application/merge-patch+json']) {
      describe(`when the pacticipant exists (${contentType})`, () => {
        it('returns a 200 OK; leaves any existing properties that were not defined; returns a json body with the updated pacticipant', async () => {
          await broker.post('/pacticipants', { name: 'Some Consumer', repositoryName: 'existing' });
          const response = await send('PATCH', { repositoryUrl: 'http://foo' }, contentType);
          expect(response.statusCode).toBe(200);
          expect(response.headers['content-type']).toBe(HAL);
          expect(response.json()).toMatchObject({ repositoryName: 'existing', repositoryUrl: 'http://foo' });
        });
      });
    }

    describe('when request body contains embedded labels', () => {
      it('when labels has values: returns a 200 response; should not create the labels; only updates pacticipant attribute ignoring the labels', async () => {
        await broker.post('/pacticipants', { name: 'Some Consumer' });
        const body = {
          displayName: 'Updated Consumer Name',
          _embedded: { labels: [{ name: 'ios' }, { name: 'consumer' }] },
        };
        const response = await send('PATCH', body);
        expect(response.statusCode).toBe(200);
        expect(response.json().displayName).toBe('Updated Consumer Name');
        expect(response.json()._embedded?.labels ?? []).toEqual([]);
        expect(JSON.stringify((await broker.get(path)).json())).not.toContain('ios');
      });

      it('when labels is empty: returns a 200 OK', async () => {
        await broker.post('/pacticipants', { name: 'Some Consumer' });
        const response = await send('PATCH', { displayName: 'Updated Consumer Name', _embedded: { labels: [] } });
        expect(response.statusCode).toBe(200);
      });
    });
  });
});
