import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createEnvironment,
  forVerification,
  path,
  postResult,
  publish,
  recordDeployment,
  testBroker,
  verifyPact,
} from '../helpers/broker.ts';

interface Entry {
  shortDescription: string;
  verificationProperties: { pending?: boolean; wip?: boolean; notices: { when: string; text: string }[] };
  _links: { self: { href: string; name: string } };
}

const names = (body: { _embedded: { pacts: Entry[] } }) => body._embedded.pacts.map((p) => p._links.self.name);
const pacts = (body: { _embedded: { pacts: Entry[] } }) => body._embedded.pacts;

describe('pacts for verification', () => {
  let app: FastifyInstance;

  beforeEach(async () => {
    app = await testBroker();
    await publish(app, { consumer: 'Foo', version: '1', branch: 'main', tags: ['prod'] });
    await publish(app, { consumer: 'Foo', version: '2', branch: 'main', interactions: ['v2'] });
    await publish(app, { consumer: 'Foo', version: '3', branch: 'feat-x', tags: ['feat-x'], interactions: ['v3'] });
    await publish(app, { consumer: 'Baz', version: '10', branch: 'master' });
    await publish(app, { consumer: 'Foo', version: '1', provider: 'Other' });
    const prod = await createEnvironment(app, 'prod', true);
    await recordDeployment(app, 'Foo', '1', prod);
    await recordDeployment(app, 'Baz', '10', prod, 'released');
  });
  afterEach(() => app.close());

  describe('selectors', () => {
    it.each([
      [{ mainBranch: true }, ['Pact between Baz (10) and Bar', 'Pact between Foo (2) and Bar']],
      [{ branch: 'feat-x' }, ['Pact between Foo (3) and Bar']],
      [{ branch: 'nope', fallbackBranch: 'main' }, ['Pact between Foo (2) and Bar']],
      [{ tag: 'prod', latest: true }, ['Pact between Foo (1) and Bar']],
      [{ tag: 'prod' }, ['Pact between Foo (1) and Bar']],
      [{ tag: 'nope', latest: true, fallbackTag: 'feat-x' }, ['Pact between Foo (3) and Bar']],
      [{ latest: true }, ['Pact between Baz (10) and Bar', 'Pact between Foo (3) and Bar']],
      [{ latest: true, consumer: 'Foo' }, ['Pact between Foo (3) and Bar']],
      [{ deployed: true }, ['Pact between Foo (1) and Bar']],
      [{ released: true }, ['Pact between Baz (10) and Bar']],
      [{ deployedOrReleased: true }, ['Pact between Baz (10) and Bar', 'Pact between Foo (1) and Bar']],
      [{ environment: 'prod' }, ['Pact between Baz (10) and Bar', 'Pact between Foo (1) and Bar']],
      [{ deployed: true, environment: 'prod', consumer: 'Baz' }, []],
      [{ mainBranch: true, consumer: 'Nobody' }, []],
    ])('%j', async (selector, expected) => {
      const { statusCode, body } = await forVerification(app, 'Bar', { consumerVersionSelectors: [selector] });
      expect(statusCode).toBe(200);
      expect(names(body)).toEqual(expected);
    });

    it('resolves matchingBranch with the provider version branch', async () => {
      const { body } = await forVerification(app, 'Bar', {
        consumerVersionSelectors: [{ matchingBranch: true }],
        providerVersionBranch: 'feat-x',
      });
      expect(pacts(body).map((p) => p.shortDescription)).toEqual(['latest from branch feat-x']);
    });

    it('uses main branch, else latest, plus deployed and released when no selectors are given', async () => {
      const { body } = await forVerification(app, 'Bar', {});
      expect(names(body)).toEqual([
        'Pact between Baz (10) and Bar',
        'Pact between Foo (2) and Bar',
        'Pact between Foo (1) and Bar',
      ]);
      expect(pacts(body)[0]?.shortDescription).toBe('latest from main branch, released in prod');
    });

    it('squashes selectors that resolve to the same content into one pact with every reason', async () => {
      await publish(app, { consumer: 'Foo', version: '4', branch: 'main' });
      const { body } = await forVerification(app, 'Bar', {
        consumerVersionSelectors: [{ mainBranch: true, consumer: 'Foo' }, { deployed: true }],
      });
      expect(pacts(body)).toHaveLength(1);
      const [entry] = pacts(body);
      expect(entry?.shortDescription).toBe('latest from main branch, deployed to prod');
      expect(entry?._links.self.name).toBe('Pact between Foo (4, 1) and Bar');
      expect(entry?.verificationProperties.notices[0]?.text).toContain(
        "matching the following criteria:\n    * latest version of Foo from the main branch 'main' (4)\n    * consumer version(s) currently deployed to prod (1)",
      );
      expect(entry?.verificationProperties).not.toHaveProperty('pending');
    });

    it('answers GET with the same selection from a query string', async () => {
      const response = await app.inject(
        '/pacts/provider/Bar/for-verification?consumerVersionSelectors[][branch]=feat-x&includePendingStatus=true',
      );
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body._links.self).toEqual({
        href: 'http://broker.test/pacts/provider/Bar/for-verification',
        title: 'Pacts to be verified',
      });
      expect(names(body)).toEqual(['Pact between Foo (3) and Bar']);
      expect(pacts(body)[0]?.verificationProperties.pending).toBe(true);
    });

    it('links each pact to its content with metadata that round-trips to the verification result', async () => {
      const { body } = await forVerification(app, 'Bar', {
        consumerVersionSelectors: [{ branch: 'feat-x' }],
        includePendingStatus: true,
      });
      const href = pacts(body)[0]?._links.self.href as string;
      expect(href).toMatch(
        /^http:\/\/broker\.test\/pacts\/provider\/Bar\/consumer\/Foo\/pact-version\/[0-9a-f]{40}\/metadata\/[\w-]+$/,
      );
      const fetched = (await app.inject(path(href))).json();
      expect(fetched._links['pb:publish-verification-results'].href).toBe(`${href}/verification-results`);
      const result = await postResult(app, href, { providerVersion: '5', success: true });
      expect(result.json()).toMatchObject({ wip: false, pending: true });
    });
  });

  describe('pending', () => {
    const pendingOf = async (body: Record<string, unknown>) =>
      pacts(
        (
          await forVerification(app, 'Bar', {
            consumerVersionSelectors: [{ mainBranch: true, consumer: 'Foo' }],
            includePendingStatus: true,
            ...body,
          })
        ).body,
      ).map((p) => p.verificationProperties.pending);

    it('is pending until a version from the provider branch verifies it successfully', async () => {
      expect(await pendingOf({ providerVersionBranch: 'main' })).toEqual([true]);
      await verifyPact(app, {
        consumer: 'Foo',
        consumerVersion: '2',
        providerVersion: '1',
        success: false,
        branch: 'main',
      });
      expect(await pendingOf({ providerVersionBranch: 'main' })).toEqual([true]);
      await verifyPact(app, {
        consumer: 'Foo',
        consumerVersion: '2',
        providerVersion: '2',
        success: true,
        branch: 'main',
      });
      expect(await pendingOf({ providerVersionBranch: 'main' })).toEqual([false]);
    });

    it('lets a new provider branch inherit what was verified before it existed, but not what came after', async () => {
      await app.inject({ method: 'PUT', url: '/pacticipants/Bar/branches/older/versions/0', payload: {} });
      await verifyPact(app, {
        consumer: 'Foo',
        consumerVersion: '2',
        providerVersion: '2',
        success: true,
        branch: 'main',
      });
      expect(await pendingOf({ providerVersionBranch: 'brand-new' })).toEqual([false]);
      expect(await pendingOf({ providerVersionBranch: 'older' })).toEqual([true]);
    });

    it('works per provider tag when no branch is given, and on any verification with neither', async () => {
      expect(await pendingOf({})).toEqual([true]);
      await app.inject({ method: 'PUT', url: '/pacticipants/Bar/versions/0/tags/older', payload: {} });
      await verifyPact(app, {
        consumer: 'Foo',
        consumerVersion: '2',
        providerVersion: '2',
        success: true,
        tags: ['dev'],
      });
      expect(await pendingOf({})).toEqual([false]);
      expect(await pendingOf({ providerVersionTags: ['dev'] })).toEqual([false]);
      expect(await pendingOf({ providerVersionTags: ['older'] })).toEqual([true]);
      expect(await pendingOf({ providerVersionTags: ['brand-new'] })).toEqual([false]);
      expect(await pendingOf({ providerVersionTags: ['dev', 'older'] })).toEqual([true]);
    });

    it('carries over to a new consumer version that publishes the same content', async () => {
      await verifyPact(app, {
        consumer: 'Foo',
        consumerVersion: '2',
        providerVersion: '2',
        success: true,
        branch: 'main',
      });
      await publish(app, { consumer: 'Foo', version: '5', branch: 'main', interactions: ['v2'] });
      expect(await pendingOf({ providerVersionBranch: 'main' })).toEqual([false]);
    });

    it('explains itself in notices', async () => {
      const { body } = await forVerification(app, 'Bar', {
        consumerVersionSelectors: [{ mainBranch: true, consumer: 'Foo' }],
        includePendingStatus: true,
        providerVersionBranch: 'main',
      });
      const notices = pacts(body)[0]?.verificationProperties.notices ?? [];
      expect(notices.map((n) => n.when)).toEqual([
        'before_verification',
        'before_verification',
        'after_verification:success_true_published_false',
        'after_verification:success_false_published_false',
        'after_verification:success_true_published_true',
        'after_verification:success_false_published_true',
      ]);
      expect(notices[1]?.text).toMatch(/^This pact is in pending state for this version of Bar because/);
      for (const notice of notices) expect(typeof notice.text).toBe('string');
    });
  });

  describe('work in progress', () => {
    const wip = async (body: Record<string, unknown>) =>
      (
        await forVerification(app, 'Bar', {
          consumerVersionSelectors: [{ mainBranch: true }],
          includePendingStatus: true,
          ...body,
        })
      ).body;

    it('adds unverified branch and tag heads after the explicit pacts, marked wip and pending', async () => {
      const body = await wip({ providerVersionBranch: 'main', includeWipPactsSince: '2020-01-01' });
      expect(names(body)).toEqual([
        'Pact between Baz (10) and Bar',
        'Pact between Foo (2) and Bar',
        // WIP pacts by consumer, oldest consumer version first (the real broker's order).
        'Pact between Foo (1) and Bar',
        'Pact between Foo (3) and Bar',
      ]);
      const [foo1, foo3] = pacts(body).slice(2);
      expect(foo3?.verificationProperties).toMatchObject({ wip: true, pending: true });
      expect(foo3?.shortDescription).toBe('latest from branch feat-x, latest with tag feat-x (work in progress)');
      expect(foo3?.verificationProperties.notices[0]?.text).toContain("it is a 'work in progress' pact");
      expect(foo1?.shortDescription).toBe('latest with tag prod (work in progress)');
    });

    it('leaves out pacts published before the date, and needs a provider branch or tags', async () => {
      expect(
        pacts(await wip({ providerVersionBranch: 'main', includeWipPactsSince: '2030-01-01' })).some(
          (p) => p.verificationProperties.wip,
        ),
      ).toBe(false);
      expect(pacts(await wip({ includeWipPactsSince: '2020-01-01' })).some((p) => p.verificationProperties.wip)).toBe(
        false,
      );
      expect(
        pacts(await wip({ providerVersionTags: ['main'], includeWipPactsSince: '2020-01-01' })).some(
          (p) => p.verificationProperties.wip,
        ),
      ).toBe(true);
    });

    it('stays WIP after a WIP verification, and leaves WIP once verified for real', async () => {
      const first = await wip({ providerVersionBranch: 'main', includeWipPactsSince: '2020-01-01' });
      const feat = pacts(first).find((p) => p._links.self.name === 'Pact between Foo (3) and Bar') as Entry;
      const recorded = await postResult(app, feat._links.self.href, { providerVersion: '7', success: true });
      expect(recorded.json()).toMatchObject({ wip: true, pending: true });
      await app.inject({ method: 'PUT', url: '/pacticipants/Bar/branches/main/versions/7', payload: {} });
      const second = await wip({ providerVersionBranch: 'main', includeWipPactsSince: '2020-01-01' });
      expect(names(second)).toContain('Pact between Foo (3) and Bar');

      await verifyPact(app, {
        consumer: 'Foo',
        consumerVersion: '3',
        providerVersion: '8',
        success: true,
        branch: 'main',
      });
      const third = await wip({ providerVersionBranch: 'main', includeWipPactsSince: '2020-01-01' });
      expect(names(third)).not.toContain('Pact between Foo (3) and Bar');
    });
  });

  describe('validation', () => {
    it.each([
      [{ consumerVersionSelectors: [{ consumer: 'Foo' }] }, 'consumerVersionSelectors[0]'],
      [{ consumerVersionSelectors: [{ mainBranch: true, tag: 'x' }] }, 'consumerVersionSelectors[0]'],
      [{ consumerVersionSelectors: [{ matchingBranch: true }] }, 'consumerVersionSelectors[0]'],
      [{ consumerVersionSelectors: [{ tag: 'a', branch: 'b' }] }, 'consumerVersionSelectors[0]'],
      [{ consumerVersionSelectors: [{ branch: 'a', environment: 'prod' }] }, 'consumerVersionSelectors[0]'],
      [{ consumerVersionSelectors: [{ tag: 'a', fallbackTag: 'b' }] }, 'consumerVersionSelectors[0]'],
      [{ consumerVersionSelectors: [{ branch: 'a', latest: false }] }, 'consumerVersionSelectors[0]'],
      [{ consumerVersionSelectors: [{ deployed: true, released: true }] }, 'consumerVersionSelectors[0]'],
      [{ consumerVersionSelectors: [{ deployed: false }] }, 'consumerVersionSelectors[0]'],
      [{ consumerVersionSelectors: [{ environment: 'nowhere' }] }, 'consumerVersionSelectors[0]'],
      [{ consumerVersionSelectors: 'x' }, 'consumerVersionSelectors'],
      [{ providerVersionBranch: '', includePendingStatus: true }, 'providerVersionBranch'],
      [{ providerVersionBranch: ' ' }, 'providerVersionBranch'],
      [{ includeWipPactsSince: 'not a date' }, 'includeWipPactsSince'],
      [{ includePendingStatus: 'maybe' }, 'includePendingStatus'],
    ])('rejects %j', async (body, field) => {
      const { statusCode, body: errorBody } = await forVerification(app, 'Bar', body);
      expect(statusCode).toBe(400);
      expect(Object.keys(errorBody.errors)).toEqual([field]);
    });

    it('answers 404 for an unknown provider', async () => {
      const { statusCode, body } = await forVerification(app, 'Nobody', {});
      expect(statusCode).toBe(404);
      expect(body.code).toBe('BROKER_PACTICIPANT_NOT_FOUND');
    });
  });
});
