import { beforeEach, describe, expect, it } from 'vitest';
import { recordDeployment } from '../../helpers/broker.ts';
import { freshBroker } from '../support.ts';

describe('spec/features/record_undeployment_spec.rb', () => {
  const broker = freshBroker();
  let url: string;

  const seed = async (currentlyDeployed: boolean) => {
    const test = (await broker.post('/environments', { name: 'test', production: false })).json().uuid;
    await broker.put('/pacticipants/Foo/versions/1');
    const uuid = (await recordDeployment(broker.app, 'Foo', '1', test, 'deployed', 'customer-1')).json().uuid;
    url = `/deployed-versions/${uuid}`;
    if (!currentlyDeployed) await broker.patch(url, { currentlyDeployed: false });
  };
  const stored = async () => (await broker.get(url)).json();

  describe('a version currently deployed', () => {
    beforeEach(() => seed(true));

    it('marks the deployed version as not currently deployed', async () => {
      expect((await stored()).currentlyDeployed).toBe(true);
      await broker.patch(url, { currentlyDeployed: false });
      expect((await stored()).currentlyDeployed).toBe(false);
    });

    it('returns the updated resource', async () => {
      const body = (await broker.patch(url, { currentlyDeployed: false })).json();
      expect(body.currentlyDeployed).toBe(false);
      expect(body.undeployedAt).toEqual(expect.any(String));
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

  describe('when the version is already undeployed', () => {
    beforeEach(() => seed(false));

    it('returns the resource', async () => {
      const body = (await broker.patch(url, { currentlyDeployed: false })).json();
      expect(body.currentlyDeployed).toBe(false);
      expect(body.undeployedAt).toEqual(expect.any(String));
    });

    it('does not change the undeployedAt date', async () => {
      const before = (await stored()).undeployedAt;
      await broker.patch(url, { currentlyDeployed: false });
      expect((await stored()).undeployedAt).toBe(before);
    });

    describe('when trying to mark it as currentlyDeployed again', () => {
      it('returns 422', async () => {
        expect((await broker.patch(url, { currentlyDeployed: true })).statusCode).toBe(422);
        expect((await stored()).currentlyDeployed).toBe(false);
      });

      it('returns an error', async () => {
        const body = (await broker.patch(url, { currentlyDeployed: true })).json();
        expect(body.code).toBe('BROKER_IRREVERSIBLE_CHANGE');
        expect(body.errors.currentlyDeployed[0]).toContain('cannot be set back');
      });
    });
  });
});
