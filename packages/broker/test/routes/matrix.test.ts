import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnvironment, publish, recordDeployment, testBroker, verifyPact } from '../helpers/broker.ts';

interface Row {
  consumer: { name: string; version: { number: string } };
  provider: { name: string; version: { number: string } | null };
  verificationResult: { success: boolean } | null;
  ignored?: boolean;
}

const pairs = (body: { matrix: Row[] }) =>
  body.matrix.map((r) => [
    `${r.consumer.name} ${r.consumer.version.number}`,
    `${r.provider.name} ${r.provider.version?.number ?? '-'}`,
    r.verificationResult?.success ?? null,
    ...(r.ignored ? ['ignored'] : []),
  ]);

describe('matrix and can-i-deploy', () => {
  let app: FastifyInstance;
  const matrix = async (query: string) => {
    const response = await app.inject(`/matrix?${query}`);
    return { statusCode: response.statusCode, body: response.json() };
  };

  beforeAll(async () => {
    app = await testBroker();
    // Foo consumes Bar. Foo 3 publishes the same content as Foo 1.
    await publish(app, { consumer: 'Foo', version: '1', branch: 'main', tags: ['prod'] });
    await publish(app, { consumer: 'Foo', version: '2', branch: 'feat', interactions: ['changed'] });
    await publish(app, { consumer: 'Foo', version: '3', branch: 'main' });
    await verifyPact(app, {
      consumer: 'Foo',
      consumerVersion: '1',
      providerVersion: '10',
      success: true,
      branch: 'main',
      tags: ['prod'],
    });
    await verifyPact(app, {
      consumer: 'Foo',
      consumerVersion: '2',
      providerVersion: '11',
      success: false,
      branch: 'main',
    });
    await app.inject({ method: 'PATCH', url: '/pacticipants/Bar', payload: { mainBranch: 'main' } });
    const prod = await createEnvironment(app, 'prod', true);
    await createEnvironment(app, 'test');
    await recordDeployment(app, 'Bar', '10', prod);
    await recordDeployment(app, 'Foo', '1', prod);
  });
  afterAll(() => app.close());

  it('groups selectors Rack-style and is deployable when the pair verified successfully', async () => {
    const { statusCode, body } = await matrix(
      'q[][pacticipant]=Foo&q[][version]=1&q[][pacticipant]=Bar&q[][version]=10&latestby=cvpv',
    );
    expect(statusCode).toBe(200);
    expect(pairs(body)).toEqual([['Foo 1', 'Bar 10', true]]);
    expect(body.summary).toEqual({
      deployable: true,
      reason: 'All required verification results are published and successful',
      success: 1,
      failed: 0,
      unknown: 0,
      reasons: [{ code: 'ALL_VERIFIED', deployable: true, text: body.summary.reason }],
    });
    expect(body.notices).toEqual([{ type: 'success', text: body.summary.reason }]);
  });

  it('is not deployable when the verification failed', async () => {
    const { body } = await matrix(
      'q[][pacticipant]=Foo&q[][version]=2&q[][pacticipant]=Bar&q[][version]=11&latestby=cvpv',
    );
    expect(body.summary).toMatchObject({ deployable: false, failed: 1 });
    expect(body.summary.reason).toBe(
      'The verification for the pact between version 2 of Foo and version 11 of Bar failed',
    );
  });

  it('is unknown when the pair has not been verified', async () => {
    const { body } = await matrix(
      'q[][pacticipant]=Foo&q[][version]=2&q[][pacticipant]=Bar&q[][version]=10&latestby=cvpv',
    );
    expect(pairs(body)).toEqual([['Foo 2', 'Bar -', null]]);
    expect(body.summary).toMatchObject({ deployable: null, unknown: 1 });
    expect(body.summary.reason).toBe('There is no verified pact between version 2 of Foo and version 10 of Bar');
  });

  it('carries verification results over to a consumer version with the same content', async () => {
    const { body } = await matrix(
      'q[][pacticipant]=Foo&q[][version]=3&q[][pacticipant]=Bar&q[][version]=10&latestby=cvpv',
    );
    expect(pairs(body)).toEqual([['Foo 3', 'Bar 10', true]]);
  });

  it('is not deployable when a specified version does not exist', async () => {
    const { body } = await matrix(
      'q[][pacticipant]=Foo&q[][version]=1&q[][pacticipant]=Bar&q[][version]=99&latestby=cvpv',
    );
    expect(body.summary.deployable).toBe(false);
    expect(body.summary.reason).toContain('No pacts or verifications have been published for version 99 of Bar');
  });

  it('answers 400 with a list of errors for unknown pacticipants or environments, or no selectors', async () => {
    const unknown = await matrix('q[][pacticipant]=Wiffle&q[][version]=1&q[][pacticipant]=Meep&q[][version]=2');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body.errors).toEqual(['Pacticipant Wiffle not found', 'Pacticipant Meep not found']);
    expect((await matrix('q[][pacticipant]=Foo&q[][version]=1&environment=nowhere')).body.errors).toEqual([
      "Environment with name 'nowhere' does not exist",
    ]);
    expect((await matrix('latestby=cvp')).body.errors).toEqual(['Please provide 1 or more version selectors.']);
    expect((await matrix('q[][version]=1')).body.errors).toEqual(['Please specify the pacticipant name']);
  });

  describe('one selector against an environment', () => {
    it('checks a consumer against the provider versions deployed there', async () => {
      const yes = await matrix('q[][pacticipant]=Foo&q[][version]=1&latestby=cvpv&environment=prod');
      expect(pairs(yes.body)).toEqual([['Foo 1', 'Bar 10', true]]);
      expect(yes.body.summary.deployable).toBe(true);
      const unknown = await matrix('q[][pacticipant]=Foo&q[][version]=2&latestby=cvpv&environment=prod');
      expect(unknown.body.summary).toMatchObject({ deployable: null, unknown: 1 });
      expect(unknown.body.summary.reason).toBe(
        'There is no verified pact between version 2 of Foo and the version of Bar currently in prod (10)',
      );
    });

    it('is unknown when the provider has no version in the environment yet', async () => {
      const { body } = await matrix('q[][pacticipant]=Foo&q[][version]=1&latestby=cvpv&environment=test');
      expect(body.summary.deployable).toBeNull();
      expect(body.summary.reason).toBe(
        'There is no verified pact between version 1 of Foo and a version of Bar currently in test (no version is currently recorded as deployed/released in this environment)',
      );
    });

    it('checks a provider against the consumer versions deployed there, and needs none to be there', async () => {
      expect(
        (await matrix('q[][pacticipant]=Bar&q[][version]=10&latestby=cvpv&environment=prod')).body.summary.deployable,
      ).toBe(true);
      const unverified = await matrix('q[][pacticipant]=Bar&q[][version]=11&latestby=cvpv&environment=prod');
      expect(unverified.body.summary.deployable).toBeNull();
      expect(unverified.body.summary.reason).toBe(
        'There is no verified pact between the version of Foo currently in prod (1) and version 11 of Bar',
      );
      const empty = await matrix('q[][pacticipant]=Bar&q[][version]=11&latestby=cvpv&environment=test');
      expect(empty.body.summary).toMatchObject({ deployable: true, reason: 'There are no missing dependencies' });
    });

    it('is served the same way by /can-i-deploy', async () => {
      const response = await app.inject('/can-i-deploy?pacticipant=Foo&version=1&environment=prod');
      expect(response.statusCode).toBe(200);
      expect(response.json().summary.deployable).toBe(true);
      const tagged = await app.inject('/can-i-deploy?pacticipant=Foo&version=2&to=prod');
      expect(tagged.json().summary.deployable).toBeNull();
      expect((await app.inject('/can-i-deploy?pacticipant=Foo')).statusCode).toBe(400);
    });
  });

  it('checks against the latest version, the latest tagged version or the main branch of the others', async () => {
    expect(pairs((await matrix('q[][pacticipant]=Foo&q[][version]=2&latestby=cvp&latest=true')).body)).toEqual([
      ['Foo 2', 'Bar 11', false],
    ]);
    expect(pairs((await matrix('q[][pacticipant]=Foo&q[][version]=1&latestby=cvp&latest=true&tag=prod')).body)).toEqual(
      [['Foo 1', 'Bar 10', true]],
    );
    const main = await matrix('q[][pacticipant]=Foo&q[][version]=1&latestby=cvp&latest=true&mainBranch=true');
    expect(main.body.summary.deployable).toBeNull();
  });

  it('selects versions by latest, tag, branch and main branch inside a selector', async () => {
    const latest = await matrix(
      'q[][pacticipant]=Foo&q[][latest]=true&q[][pacticipant]=Bar&q[][version]=10&latestby=cvpv',
    );
    expect(pairs(latest.body)).toEqual([['Foo 3', 'Bar 10', true]]);
    const tagged = await matrix(
      'q[][pacticipant]=Foo&q[][tag]=prod&q[][latest]=true&q[][pacticipant]=Bar&q[][version]=10',
    );
    expect(pairs(tagged.body)).toEqual([['Foo 1', 'Bar 10', true]]);
    const branch = await matrix(
      'q[][pacticipant]=Foo&q[][branch]=feat&q[][latest]=true&q[][pacticipant]=Bar&q[][mainBranch]=true',
    );
    expect(pairs(branch.body)).toEqual([['Foo 2', 'Bar 11', false]]);
  });

  it('lists every row between all versions, filtered by success', async () => {
    const all = await matrix('q[][pacticipant]=Foo&q[][pacticipant]=Bar&latestby=cvpv');
    expect(pairs(all.body)).toEqual([
      ['Foo 3', 'Bar 10', true],
      ['Foo 2', 'Bar 11', false],
      ['Foo 1', 'Bar 10', true],
    ]);
    const successful = await matrix('q[][pacticipant]=Foo&q[][pacticipant]=Bar&latestby=cvpv&success[]=true');
    expect(pairs(successful.body)).toEqual([
      ['Foo 3', 'Bar 10', true],
      ['Foo 1', 'Bar 10', true],
    ]);
  });

  it('ignores pacticipant versions on request, listing their rows last', async () => {
    const { body } = await matrix(
      'q[][pacticipant]=Bar&q[][version]=11&q[][pacticipant]=Foo&latestby=cvpv&ignore[][pacticipant]=Foo&ignore[][version]=2',
    );
    expect(pairs(body)).toEqual([
      ['Foo 3', 'Bar -', null],
      ['Foo 1', 'Bar -', null],
      ['Foo 2', 'Bar 11', false, 'ignored'],
    ]);
    expect(body.summary).toMatchObject({ deployable: null, failed: 0, unknown: 2, ignored: 1 });
    const byName = await app.inject('/can-i-deploy?pacticipant=Bar&version=11&environment=prod&ignore[]=Foo');
    expect(byName.json().summary).toMatchObject({ deployable: true, ignored: 1 });
  });

  it('decorates rows with versions, branches, tags, environments and links', async () => {
    const { body } = await matrix('q[][pacticipant]=Foo&q[][version]=1&q[][pacticipant]=Bar&q[][version]=10');
    const [row] = body.matrix;
    expect(row.consumer.version).toMatchObject({
      number: '1',
      branch: 'main',
      branches: [{ name: 'main' }],
      tags: [{ name: 'prod' }],
      environments: [{ name: 'prod' }],
    });
    expect(row.pact._links.self.href).toBe('http://broker.test/pacts/provider/Bar/consumer/Foo/version/1');
    expect(row.verificationResult._links.self.href).toMatch(/\/verification-results\/1$/);
    expect(row.verificationResult.verifiedAt).toMatch(/^\d{4}-/);
  });
});
