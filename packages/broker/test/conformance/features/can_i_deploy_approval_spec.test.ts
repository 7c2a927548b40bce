import { describe, expect, it } from 'vitest';
import { createEnvironment, publish, recordDeployment, verifyPact } from '../../helpers/broker.ts';
import { type Client, freshBroker } from '../support.ts';

/**
 * The real spec records `status` and `summary` of each answer and compares them with its approved fixture. The
 * expected values below are that fixture's. This broker's summary also has `reasons` (the codes behind `reason`),
 * which the fixture predates: the fields the fixture has are compared exactly, and no other count may appear.
 */
const SUMMARY_FIELDS = ['deployable', 'reason', 'success', 'failed', 'unknown', 'ignored'] as const;

async function approvalOf(broker: Client, url: string) {
  const response = await broker.get(url, { accept: 'application/hal+json' });
  const summary = response.json().summary;
  return {
    status: response.statusCode,
    summary:
      summary === undefined
        ? null
        : Object.fromEntries(SUMMARY_FIELDS.filter((f) => Object.hasOwn(summary, f)).map((f) => [f, summary[f]])),
  };
}

const allVerified = 'All required verification results are published and successful';

describe('spec/features/can_i_deploy_approval_spec.rb', () => {
  const broker = freshBroker();
  // Foo 1 (tagged dev) verified by Bar 10 (tagged prod), and Bar 10 deployed to production.
  const setUp = async () => {
    await publish(broker.app, { consumer: 'Foo', version: '1', provider: 'Bar', tags: ['dev'] });
    await verifyPact(broker.app, {
      consumer: 'Foo',
      consumerVersion: '1',
      provider: 'Bar',
      providerVersion: '10',
      success: true,
      tags: ['prod'],
    });
    await recordDeployment(broker.app, 'Bar', '10', await createEnvironment(broker.app, 'production', true));
  };
  /** A second integration for Foo 1, with Baz, whose only result failed; Baz is deployed nowhere. */
  const failingBaz = async () => {
    await publish(broker.app, { consumer: 'Foo', version: '1', provider: 'Baz' });
    await verifyPact(broker.app, {
      consumer: 'Foo',
      consumerVersion: '1',
      provider: 'Baz',
      providerVersion: '99',
      success: false,
    });
  };

  it('can-i-deploy Foo v1 to the production environment: snapshots', async () => {
    await setUp();
    expect(await approvalOf(broker, '/can-i-deploy?pacticipant=Foo&version=1&environment=production')).toEqual({
      status: 200,
      summary: { deployable: true, reason: allVerified, success: 1, failed: 0, unknown: 0 },
    });
  });

  it("can-i-deploy Foo's dev tag to Bar's prod tag (tag-to-tag URL format): snapshots", async () => {
    await setUp();
    expect(await approvalOf(broker, '/pacticipants/Foo/latest-version/dev/can-i-deploy/to/prod')).toEqual({
      status: 200,
      summary: {
        deployable: true,
        reason:
          'WARN: It is recommended to specify the version number (rather than the tag or branch) of the pacticipant you wish to deploy to avoid race conditions. Without a version number, this result will not be reliable.\n' +
          allVerified,
        success: 1,
        failed: 0,
        unknown: 0,
      },
    });
  });

  it('can-i-deploy with missing required params returns a validation error: snapshots', async () => {
    await setUp();
    expect(await approvalOf(broker, '/can-i-deploy')).toEqual({ status: 400, summary: null });
  });

  describe('can-i-deploy Foo v1 to the production environment with a failing integration', () => {
    it('without ignoring the failing integration: snapshots', async () => {
      await setUp();
      await failingBaz();
      expect(await approvalOf(broker, '/can-i-deploy?pacticipant=Foo&version=1&environment=production')).toEqual({
        status: 200,
        summary: {
          deployable: null,
          reason:
            'There is no verified pact between version 1 of Foo and a version of Baz currently in production (no version is currently recorded as deployed/released in this environment)',
          success: 1,
          failed: 0,
          unknown: 1,
        },
      });
    });

    it('ignoring the failing integration: snapshots', async () => {
      await setUp();
      await failingBaz();
      expect(
        await approvalOf(broker, '/can-i-deploy?pacticipant=Foo&version=1&environment=production&ignore[]=Baz'),
      ).toEqual({
        status: 200,
        summary: { deployable: true, reason: allVerified, success: 1, failed: 0, unknown: 0, ignored: 1 },
      });
    });
  });
});
