import { beforeEach, describe, expect, it } from 'vitest';
import { createEnvironment, recordDeployment } from '../../helpers/broker.ts';
import { pactBetween, verification } from '../logic-support.ts';
import { freshBroker } from '../support.ts';

/**
 * The real spec feeds the summary rows it makes up; here the same situations are made in a broker and the summary
 * is the can-i-deploy answer: Foo 1 consumes Bar and Baz, and Bar 11 and Baz 12 are in prod.
 */
describe('spec/lib/pact_broker/matrix/deployment_status_summary_spec.rb', () => {
  const broker = freshBroker();
  const canIDeploy = async (extra = '') => {
    const response = await broker.get(`/can-i-deploy?pacticipant=Foo&version=1&environment=prod${extra}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const counts = ({ summary }: { summary: Record<string, unknown> }) => {
    const { success, failed, unknown, ignored } = summary;
    return ignored === undefined ? { success, failed, unknown } : { success, failed, unknown, ignored };
  };
  const texts = (body: { notices: { type: string; text: string }[] }) =>
    body.notices.map((n) => `${n.type}: ${n.text}`);

  beforeEach(async () => {
    await pactBetween(broker, 'Foo', '1', 'Bar');
    await pactBetween(broker, 'Foo', '1', 'Baz');
    const prod = await createEnvironment(broker.app, 'prod');
    await pactBetween(broker, 'Other', '1', 'Bar');
    await verification(broker, 'Other', '1', 'Bar', '11');
    await pactBetween(broker, 'Other', '1', 'Baz');
    await verification(broker, 'Other', '1', 'Baz', '12');
    await recordDeployment(broker.app, 'Bar', '11', prod);
    await recordDeployment(broker.app, 'Baz', '12', prod);
  });

  describe('.call', () => {
    describe('when there is a row for all integrations', () => {
      beforeEach(async () => {
        await verification(broker, 'Foo', '1', 'Bar', '11');
        await verification(broker, 'Foo', '1', 'Baz', '12');
      });

      it('deployable? is true; reasons are [Successful]; counts are 2 successes', async () => {
        const body = await canIDeploy();
        expect(body.summary.deployable).toBe(true);
        expect(texts(body)).toEqual(['success: All required verification results are published and successful']);
        expect(counts(body)).toEqual({ success: 2, failed: 0, unknown: 0 });
      });

      it('when there are resolved_ignore_selectors: counts have the key ignored', async () => {
        expect(counts(await canIDeploy('&ignore[]=Baz'))).toEqual({ success: 1, failed: 0, unknown: 0, ignored: 1 });
      });
    });

    it('when there are no rows (no verification by the versions in prod): deployable? is nil, with a reason for each provider', async () => {
      const body = await canIDeploy();
      expect(body.summary.deployable).toBeNull();
      expect(texts(body)).toEqual([
        'error: There is no verified pact between version 1 of Foo and the version of Bar currently in prod (11)',
        'error: There is no verified pact between version 1 of Foo and the version of Baz currently in prod (12)',
      ]);
      expect(counts(body)).toEqual({ success: 0, failed: 0, unknown: 2 });
    });

    describe('when one or more of the success flags are nil', () => {
      beforeEach(() => verification(broker, 'Foo', '1', 'Baz', '12'));

      it('deployable? is nil; the reason is the unverified pact; counts are 1 success and 1 unknown', async () => {
        const body = await canIDeploy();
        expect(body.summary.deployable).toBeNull();
        expect(texts(body)).toEqual([
          'error: There is no verified pact between version 1 of Foo and the version of Bar currently in prod (11)',
        ]);
        expect(counts(body)).toEqual({ success: 1, failed: 0, unknown: 1 });
      });

      it('when that row is ignored: deployable, successful, and the ignored row counted', async () => {
        const body = await canIDeploy('&ignore[]=Bar');
        expect(body.summary.deployable).toBe(true);
        expect(body.summary.reason).toBe('All required verification results are published and successful');
        expect(counts(body)).toEqual({ success: 1, failed: 0, unknown: 0, ignored: 1 });
      });
    });

    describe('when one or more of the success flags are false', () => {
      beforeEach(async () => {
        await verification(broker, 'Foo', '1', 'Bar', '11', { success: false });
        await verification(broker, 'Foo', '1', 'Baz', '12');
      });

      it('deployable? is false; the reason is the failed verification; counts are 1 success and 1 failure', async () => {
        const body = await canIDeploy();
        expect(body.summary.deployable).toBe(false);
        expect(texts(body)).toEqual([
          'error: The verification for the pact between version 1 of Foo and the version of Bar currently in prod (11) failed',
        ]);
        expect(counts(body)).toEqual({ success: 1, failed: 1, unknown: 0 });
      });

      it('when that row is ignored: deployable, successful, and the ignored row counted', async () => {
        const body = await canIDeploy('&ignore[]=Bar');
        expect(body.summary.deployable).toBe(true);
        expect(body.summary.reason).toBe('All required verification results are published and successful');
        expect(counts(body)).toEqual({ success: 1, failed: 0, unknown: 0, ignored: 1 });
      });
    });

    it('when there are no rows, and no missing downstream providers and the provider was specified in the query: NoDependenciesMissing, of type success', async () => {
      // Bar has consumers but needs no provider: deploying it depends on nothing.
      const response = await broker.get('/can-i-deploy?pacticipant=Bar&version=11&environment=prod');
      const body = response.json();
      expect(body.summary.deployable).toBe(true);
      expect(body.notices).toEqual([{ type: 'success', text: 'There are no missing dependencies' }]);
      expect(counts(body)).toEqual({ success: 0, failed: 0, unknown: 0 });
    });

    it('when there are no inferred selectors and the pact has not ever been verified: deployable? is nil, PactNotEverVerifiedByProvider', async () => {
      const response = await broker.get('/matrix?q[][pacticipant]=Foo&q[][version]=1&latestby=cvp');
      const body = response.json();
      expect(body.summary.deployable).toBeNull();
      expect(
        body.notices.filter((n: { type: string }) => n.type === 'error').map((n: { text: string }) => n.text),
      ).toEqual([
        'There is no verified pact between version 1 of Foo and any version of Bar',
        'There is no verified pact between version 1 of Foo and any version of Baz',
      ]);
    });

    it('when there are no specified selectors with a pacticipant version number: SelectorWithoutPacticipantVersionNumberSpecified', async () => {
      await pactBetween(broker, 'Foo', '2', 'Bar', { tags: ['asdf'] });
      const response = await broker.get(
        '/matrix?q[][pacticipant]=Foo&q[][tag]=asdf&q[][latest]=true&latestby=cvp&environment=prod',
      );
      expect(response.json().notices).toContainEqual({
        type: 'warning',
        text: 'WARN: It is recommended to specify the version number (rather than the tag or branch) of the pacticipant you wish to deploy to avoid race conditions. Without a version number, this result will not be reliable.',
      });
    });

    it('when there are only pacticipant names specified: no SelectorWithoutPacticipantVersionNumberSpecified', async () => {
      const response = await broker.get('/matrix?q[][pacticipant]=Foo&q[][pacticipant]=Bar&latestby=cvpv');
      expect(response.json().notices.filter((n: { type: string }) => n.type === 'warning')).toEqual([]);
    });

    describe('when there is no to tag or environment specified and there was only one specified selector', () => {
      const noEnvironment = {
        type: 'warning',
        text: 'WARN: It is recommended to specify the environment into which you are deploying. Without the environment, this result will not be reliable.',
      };

      it('reasons include NoEnvironmentSpecified, first', async () => {
        const response = await broker.get('/matrix?q[][pacticipant]=Foo&q[][version]=1&latestby=cvp&latest=true');
        const body = response.json();
        expect(body.notices[0]).toEqual(noEnvironment);
        expect(body.summary.reason.split('\n')[0]).toBe(noEnvironment.text);
      });

      it('when there were multiple selectors specified: no NoEnvironmentSpecified', async () => {
        const response = await broker.get(
          '/matrix?q[][pacticipant]=Foo&q[][version]=1&q[][pacticipant]=Bar&q[][version]=11&latestby=cvpv',
        );
        expect(response.json().notices).not.toContainEqual(noEnvironment);
      });
    });
  });
});
