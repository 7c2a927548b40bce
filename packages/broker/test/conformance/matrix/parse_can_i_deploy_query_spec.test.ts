import { beforeEach, describe, expect, it } from 'vitest';
import { createEnvironment, recordDeployment } from '../../helpers/broker.ts';
import { pactBetween, shorten, verification } from '../logic-support.ts';
import { freshBroker } from '../support.ts';

/** The parsed options show in the `GET /can-i-deploy` answer: the rows kept, the versions compared, the ignores. */
describe('spec/lib/pact_broker/matrix/parse_can_i_deploy_query_spec.rb', () => {
  const broker = freshBroker();
  const canIDeploy = async (query: string) => {
    const response = await broker.get(`/can-i-deploy?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    return { body, rows: (body.matrix as Parameters<typeof shorten>[0][]).map(shorten).sort() };
  };

  // foo 1 consumes Bar and Baz; Bar 2 and Bar 3 are both deployed to prod and both verified foo 1 (2 failed, 3
  // passed); Bar 3 is tagged prod.
  beforeEach(async () => {
    await pactBetween(broker, 'foo', '1', 'Bar');
    await pactBetween(broker, 'foo', '1', 'Baz');
    await verification(broker, 'foo', '1', 'Bar', '2', { success: false });
    await verification(broker, 'foo', '1', 'Bar', '3', { tags: ['prod'] });
    const prod = await createEnvironment(broker.app, 'prod');
    await recordDeployment(broker.app, 'Bar', '2', prod, 'released');
    await recordDeployment(broker.app, 'Bar', '3', prod, 'released');
  });

  describe('.call', () => {
    describe('parsed_options', () => {
      it('latestby is cvpv, latest is nil and the environment is prod: a row for each version in prod', async () => {
        const { rows } = await canIDeploy('pacticipant=foo&version=1&environment=prod');
        expect(rows).toEqual(['foo1 Bar2 n1', 'foo1 Bar3 n2', 'foo1 Baz? n?']);
      });

      it('with pacticipants to ignore: the names are ignored, a hash without a pacticipant is not', async () => {
        const { body } = await canIDeploy(
          'pacticipant=foo&version=1&environment=prod&ignore[]=Baz&ignore[]=Bar&ignore[][a]=b',
        );
        expect(body.summary.ignored).toBe(3);
        expect(body.summary.deployable).toBe(true);
      });

      it('with pacticipant selectors to ignore: by name, and by name and version', async () => {
        const { body } = await canIDeploy(
          'pacticipant=foo&version=1&environment=prod&ignore[][pacticipant]=Baz&ignore[][pacticipant]=Bar&ignore[][version]=2',
        );
        const ignored = body.matrix
          .filter((r: { ignored?: boolean }) => r.ignored)
          .map(shorten)
          .sort();
        expect(ignored).toEqual(['foo1 Bar2 n1', 'foo1 Baz? n?']);
        expect(body.summary.deployable).toBe(true);
      });

      it('with a tag: latestby is cvp and latest is true, with the tag prod', async () => {
        await verification(broker, 'foo', '1', 'Bar', '4', { tags: ['prod'] });
        await verification(broker, 'foo', '1', 'Baz', '1', { tags: ['prod'] });
        const { rows } = await canIDeploy('pacticipant=foo&version=1&to=prod');
        expect(rows).toEqual(['foo1 Bar4 n3', 'foo1 Baz1 n1']);
      });
    });

    it('parsed_selectors: the one selector is foo version 1', async () => {
      await pactBetween(broker, 'foo', '2', 'Bar');
      const { rows } = await canIDeploy('pacticipant=foo&version=1&environment=prod');
      expect(rows.every((row) => row.startsWith('foo1 '))).toBe(true);
    });
  });
});
