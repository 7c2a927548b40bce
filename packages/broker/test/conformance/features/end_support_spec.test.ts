import { beforeEach, describe, expect, it } from 'vitest';
import { recordDeployment } from '../../helpers/broker.ts';
import { freshBroker } from '../support.ts';

describe('spec/features/end_support_spec.rb', () => {
  const broker = freshBroker();
  let url: string;

  const seed = async (currentlySupported: boolean) => {
    const test = (await broker.post('/environments', { name: 'test', production: false })).json().uuid;
    await broker.put('/pacticipants/Foo/versions/1');
    const uuid = (await recordDeployment(broker.app, 'Foo', '1', test, 'released')).json().uuid;
    url = `/released-versions/${uuid}`;
    if (!currentlySupported) await broker.patch(url, { currentlySupported: false });
  };
  const stored = async () => (await broker.get(url)).json();

  describe('a version currently supported', () => {
    beforeEach(() => seed(true));

    it('marks the deployed version as not currently supported', async () => {
      expect((await stored()).currentlySupported).toBe(true);
      await broker.patch(url, { currentlySupported: false });
      expect((await stored()).currentlySupported).toBe(false);
    });

    it('returns the updated resource', async () => {
      const body = (await broker.patch(url, { currentlySupported: false })).json();
      expect(body.currentlySupported).toBe(false);
      expect(body.supportEndedAt).toEqual(expect.any(String));
    });

    describe('with an empty body', () => {
      it('does nothing to the resource', async () => {
        const before = await stored();
        await broker.patch(url, {});
        expect(await stored()).toEqual(before);
      });

      it('returns the resource', async () => {
        const response = await broker.patch(url, {});
        expect(response.statusCode).toBe(200);
        expect(response.json().uuid).toBe(url.split('/').pop());
      });
    });
  });

  describe('when the version is already unsupported', () => {
    beforeEach(() => seed(false));

    it('returns the resource', async () => {
      const body = (await broker.patch(url, { currentlySupported: false })).json();
      expect(body.currentlySupported).toBe(false);
      expect(body.supportEndedAt).toEqual(expect.any(String));
    });

    it('does not change the supportEndedAt date', async () => {
      const before = (await stored()).supportEndedAt;
      await broker.patch(url, { currentlySupported: false });
      expect((await stored()).supportEndedAt).toBe(before);
    });

    describe('when trying to mark it as currentlySupported again', () => {
      it('returns 422', async () => {
        expect((await broker.patch(url, { currentlySupported: true })).statusCode).toBe(422);
        expect((await stored()).currentlySupported).toBe(false);
      });

      it('returns an error', async () => {
        const body = (await broker.patch(url, { currentlySupported: true })).json();
        expect(body.code).toBe('BROKER_IRREVERSIBLE_CHANGE');
        expect(body.errors.currentlySupported[0]).toContain('cannot be set back');
      });
    });
  });
});
