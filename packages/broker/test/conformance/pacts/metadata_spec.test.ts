import { describe, expect, it } from 'vitest';
import { parseRackQuery } from '../../../src/matrix/rack-query.ts';
import { encodeMetadata } from '../../../src/pacts/metadata.ts';
import { createEnvironment, pact, path, recordDeployment } from '../../helpers/broker.ts';
import { pactBetween } from '../logic-support.ts';
import { freshBroker } from '../support.ts';

/**
 * The metadata the real spec builds is the `/metadata/{m}` segment of each pacts-for-verification pact URL, read
 * back here as the Rack query it encodes (values are strings there); what `parse_metadata` expands is what the
 * pact-version resource and a verification published to the URL make of it. The old-format `cvn` example has no
 * counterpart: the real broker reads it only for a verification's webhook context (features/metadata_spec.rb,
 * not followed here), and this broker's URLs never carry it.
 */
describe('spec/lib/pact_broker/pacts/metadata_spec.rb', () => {
  const broker = freshBroker();
  const pactUrls = async (body: Record<string, unknown>) => {
    const response = await broker.post('/pacts/provider/Bar/for-verification', body);
    expect(response.statusCode).toBe(200);
    return (response.json()._embedded.pacts as { _links: { self: { href: string } } }[]).map((p) => p._links.self.href);
  };
  const metadataOf = (href: string) => {
    const segment = /\/metadata\/([^/]+)$/.exec(href)?.[1];
    if (!segment) throw new Error(`no metadata in ${href}`);
    return { segment, params: { ...parseRackQuery(Buffer.from(segment, 'base64url').toString('utf8')) } };
  };
  const only = async (body: Record<string, unknown>) => {
    const urls = await pactUrls(body);
    expect(urls).toHaveLength(1);
    return metadataOf(urls[0] as string);
  };
  const plain = (value: unknown) => JSON.parse(JSON.stringify(value));

  describe('#build_metadata_for_pact_for_verification', () => {
    it('builds the metadata with the resolved selectors: latest, tag and the consumer version id', async () => {
      await pactBetween(broker, 'Foo', '1', 'Bar', { tags: ['tag'] });
      await pactBetween(broker, 'Foo', '2', 'Bar', { tags: ['tag'] });
      const { params } = await only({ consumerVersionSelectors: [{ tag: 'tag', latest: true, consumer: 'Foo' }] });
      expect(Object.keys(params)).toEqual(['s']);
      const [selector] = plain(params.s);
      expect(Object.keys(selector).sort()).toEqual(['cv', 'l', 't']);
      expect(selector).toMatchObject({ l: 'true', t: 'tag' });
      expect(selector.cv).toMatch(/^\d+$/);
    });

    it('the consumer version id it carries is that of the selected version (2), not only its content', async () => {
      const same = pact('Foo', 'Bar', ['the same content']);
      await pactBetween(broker, 'Foo', '1', 'Bar', { tags: ['tag'], content: same });
      await pactBetween(broker, 'Foo', '2', 'Bar', { content: same });
      const [href] = await pactUrls({ consumerVersionSelectors: [{ tag: 'tag', latest: true }] });
      const response = await broker.get(path(href as string));
      expect(response.statusCode).toBe(200);
      expect(response.json()._links['pb:consumer-version'].name).toBe('1');
    });

    it('when wip is true: the metadata is w only', async () => {
      await broker.put('/pacticipants/Bar/branches/main/versions/1');
      await pactBetween(broker, 'Foo', '1', 'Bar', { tags: ['feat-x'] });
      const { params } = await only({
        consumerVersionSelectors: [{ tag: 'no-such-tag', latest: true }],
        includeWipPactsSince: '2000-01-01T00:00:00Z',
        providerVersionBranch: 'main',
      });
      expect(plain(params)).toEqual({ w: 'true' });
    });

    it('when the pact is pending: includes p true', async () => {
      await pactBetween(broker, 'Foo', '1', 'Bar');
      const { params } = await only({ includePendingStatus: true });
      expect(params.p).toBe('true');
    });

    it('when the pact is pending, but the pending status was not asked for: no p', async () => {
      await pactBetween(broker, 'Foo', '1', 'Bar');
      const { params } = await only({});
      expect(Object.keys(params)).toEqual(['s']);
    });

    it('when the selector was deployed: the selector has e prod', async () => {
      const prod = await createEnvironment(broker.app, 'prod', true);
      await pactBetween(broker, 'Foo', '1', 'Bar');
      await recordDeployment(broker.app, 'Foo', '1', prod);
      const { params } = await only({ consumerVersionSelectors: [{ deployed: true, environment: 'prod' }] });
      expect(plain(params.s)).toEqual([expect.objectContaining({ e: 'prod' })]);
    });
  });

  describe('parse_metadata', () => {
    describe('with a consumer version id', () => {
      it('expands the key names: w and p mark the verification published back, cv names the version shown', async () => {
        await pactBetween(broker, 'Foo', '1', 'Bar');
        await pactBetween(broker, 'Foo', '2', 'Bar', { content: pact('Foo', 'Bar', ['Foo 1 to Bar']) });
        const [href] = await pactUrls({ consumerVersionSelectors: [{ consumer: 'Foo', latest: true }] });
        const { segment } = metadataOf(href as string);
        const [selector] = plain(metadataOf(href as string).params.s);
        const sha = /pact-version\/([^/]+)\//.exec(href as string)?.[1] as string;
        // All the short keys at once (the real example's "not an actual possible selector").
        const all = encodeMetadata({
          wip: false,
          pending: true,
          selectors: [{ cv: Number(selector.cv), t: 'tag', l: true, e: 'prod', b: 'main' }],
        });
        const between = '/pacts/provider/Bar/consumer/Foo/pact-version';
        const shown = await broker.get(`${between}/${sha}/metadata/${all}`);
        expect(shown.statusCode).toBe(200);
        expect(shown.json()._links['pb:consumer-version'].name).toBe('2');
        expect(segment).not.toBe(all);

        const wip = encodeMetadata({ wip: true });
        const posted = await broker.post(`${between}/${sha}/metadata/${wip}/verification-results`, {
          success: true,
          providerApplicationVersion: '7',
        });
        expect(posted.statusCode).toBe(201);
        expect(posted.json()).toMatchObject({ wip: true, pending: true });

        const pending = await broker.post(`${between}/${sha}/metadata/${all}/verification-results`, {
          success: true,
          providerApplicationVersion: '8',
        });
        expect(pending.json()).toMatchObject({ wip: false, pending: true });
      });

      it("when the version can't be found: the pact is still served, as the latest publication of its content", async () => {
        const same = pact('Foo', 'Bar', ['the same content']);
        await pactBetween(broker, 'Foo', '1', 'Bar', { content: same });
        await pactBetween(broker, 'Foo', '2', 'Bar', { content: same });
        const [href] = await pactUrls({});
        const sha = /pact-version\/([^/]+)\//.exec(href as string)?.[1] as string;
        const missing = encodeMetadata({ wip: false, pending: true, selectors: [{ cv: 987654, t: 'tag' }] });
        const url = `/pacts/provider/Bar/consumer/Foo/pact-version/${sha}/metadata/${missing}`;
        const shown = await broker.get(url);
        expect(shown.statusCode).toBe(200);
        expect(shown.json()._links['pb:consumer-version'].name).toBe('2');
        const posted = await broker.post(`${url}/verification-results`, {
          success: false,
          providerApplicationVersion: '7',
        });
        expect(posted.statusCode).toBe(201);
        expect(posted.json()).toMatchObject({ success: false, pending: true });
      });
    });
  });
});
