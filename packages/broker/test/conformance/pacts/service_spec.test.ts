import { describe, expect, it } from 'vitest';
import { pact, publish } from '../../helpers/broker.ts';
import { pactBetween, pactsFor } from '../logic-support.ts';
import { rows } from '../rows.ts';
import { freshBroker } from '../support.ts';

/**
 * The pact service's publish and merge paths: the events it broadcasts are the webhooks a publication triggers
 * (queued, not run), read from the consumer version's triggered webhooks; its find_for_verification is
 * pacts-for-verification. No counterpart: the debug logging, `contract_content_unchanged` and the event
 * comments (internal to the real broker, never a webhook event or anything served), `find_distinct_pacts_between`
 * (no resource answers with it) and `find_for_verification_publication` (its selectors only feed a verification's
 * webhook context, which features/metadata_spec.rb checks and this suite leaves out).
 */
describe('spec/lib/pact_broker/pacts/service_spec.rb', () => {
  const broker = freshBroker({ webhooks: { run: false } });
  const onPublication = async () => {
    const response = await broker.post('/webhooks', {
      description: 'publication events',
      events: [{ name: 'contract_published' }, { name: 'contract_content_changed' }],
      request: { method: 'POST', url: 'https://example.org/hook' },
    });
    expect(response.statusCode).toBe(201);
  };
  const events = async (version: string) => {
    const response = await broker.get(`/pacts/provider/Bar/consumer/Foo/version/${version}/triggered-webhooks`);
    expect(response.statusCode).toBe(200);
    return (response.json()._embedded.triggeredWebhooks as { eventName: string }[]).map((t) => t.eventName).sort();
  };
  const A = pact('Foo', 'Bar', ['content A']);
  const B = pact('Foo', 'Bar', ['content B']);
  const both = ['contract_content_changed', 'contract_published'];

  describe('create_or_update_pact', () => {
    describe('when no pact exists with the same params', () => {
      it('saves the pact interactions with ids added to them', async () => {
        await pactBetween(broker, 'Foo', '1', 'Bar', { content: A });
        const served = (await broker.get('/pacts/provider/Bar/consumer/Foo/version/1')).json();
        expect(served.interactions).toHaveLength(1);
        expect(served.interactions[0]._id).toMatch(/^[0-9a-f]{40}$/);
        expect(served.interactions[0].description).toBe('content A');
      });

      it('when the latest pact for one of the tags has a different sha: contract_published and content_changed', async () => {
        await onPublication();
        await pactBetween(broker, 'Foo', '1', 'Bar', { tags: ['dev'], content: A });
        await pactBetween(broker, 'Foo', '2', 'Bar', { tags: ['dev'], content: B });
        expect(await events('1')).toEqual(both);
        expect(await events('2')).toEqual(both);
      });

      it('when the latest pact for the tag is an earlier content again: content_changed (the last dev one differs)', async () => {
        await onPublication();
        await pactBetween(broker, 'Foo', '1', 'Bar', { tags: ['dev'], content: A });
        await pactBetween(broker, 'Foo', '2', 'Bar', { tags: ['dev'], content: B });
        await pactBetween(broker, 'Foo', '3', 'Bar', { tags: ['dev'], content: A });
        expect(await events('3')).toEqual(both);
      });

      it('when the content is the same but newly tagged: content_changed (no previous prod pact)', async () => {
        await onPublication();
        await pactBetween(broker, 'Foo', '1', 'Bar', { tags: ['dev'], content: A });
        await pactBetween(broker, 'Foo', '2', 'Bar', { tags: ['prod'], content: A });
        expect(await events('2')).toEqual(both);
      });

      it('when the new pact has not changed content or tags since the previous version with the same tags: published only', async () => {
        await onPublication();
        await pactBetween(broker, 'Foo', '1', 'Bar', { tags: ['dev'], content: A });
        await pactBetween(broker, 'Foo', '2', 'Bar', { tags: ['dev'], content: A });
        expect(await events('2')).toEqual(['contract_published']);
      });

      it('untagged, the same content as the previous untagged version: published only', async () => {
        await onPublication();
        await pactBetween(broker, 'Foo', '1', 'Bar', { content: A });
        await pactBetween(broker, 'Foo', '2', 'Bar', { tags: ['dev'], content: B });
        await pactBetween(broker, 'Foo', '3', 'Bar', { content: A });
        expect(await events('3')).toEqual(['contract_published']);
      });
    });

    describe('when a pact exists with the same params', () => {
      it('broadcasts the contract_published event; when the sha is the same, not content_changed', async () => {
        await onPublication();
        await pactBetween(broker, 'Foo', '1', 'Bar', { tags: ['dev'], content: A });
        await pactBetween(broker, 'Foo', '1', 'Bar', { tags: ['dev'], content: A });
        expect(await events('1')).toEqual([...both, 'contract_published']);
      });

      it('when the pact_version_sha is different (a merge): broadcasts the contract_content_changed event', async () => {
        await onPublication();
        await pactBetween(broker, 'Foo', '1', 'Bar', { tags: ['dev'], content: A });
        await publish(broker.app, { consumer: 'Foo', version: '1', provider: 'Bar', content: B, onConflict: 'merge' });
        expect(await events('1')).toEqual([...both, ...both].sort());
        const served = (await broker.get('/pacts/provider/Bar/consumer/Foo/version/1')).json();
        expect(served.interactions.map((i: { description: string }) => i.description)).toEqual([
          'content A',
          'content B',
        ]);
      });
    });
  });

  describe('delete', () => {
    it('deletes the pact (revised, with its triggered webhooks)', async () => {
      await onPublication();
      await pactBetween(broker, 'Foo', '1', 'Bar', { content: A });
      await broker.patch('/pacts/provider/Bar/consumer/Foo/version/1', B);
      expect(await rows(broker.app, 'triggered_webhooks')).toBeGreaterThan(0);
      expect((await broker.delete('/pacts/provider/Bar/consumer/Foo/version/1')).statusCode).toBe(200);
      expect((await broker.get('/pacts/provider/Bar/consumer/Foo/version/1')).statusCode).toBe(404);
      expect(await rows(broker.app, 'pact_publications')).toBe(0);
      expect(await rows(broker.app, 'triggered_webhooks')).toBe(0);
    });
  });

  describe('find_for_verification integration test', () => {
    async function data() {
      await broker.put('/pacticipants/Bar/versions/1/tags/master');
      await pactBetween(broker, 'Foo', '1', 'Bar', { tags: ['feat-1'] });
      await pactBetween(broker, 'Foo', '2', 'Bar');
      await broker.put('/pacticipants/Foo/versions/3/tags/none');
    }
    const ask = (extra: Record<string, unknown> = {}, provider = 'Bar') =>
      pactsFor(broker, { providerVersionTags: ['master'], ...extra }, provider);

    it('when the consumer version tags are empty: returns the latest overall pact for the consumer, not WIP', async () => {
      await data();
      const [first] = await ask();
      expect(first?.versions).toEqual(['2']);
      expect(first?.wip).toBeUndefined();
    });

    it('when include_wip_pacts_since is not specified: does not include the WIP pacts', async () => {
      await data();
      expect(await ask()).toHaveLength(1);
    });

    describe('when WIP pacts are included', () => {
      const since = { includeWipPactsSince: '2000-01-01T00:00:00Z' };

      it('returns the WIP pacts as well as the specified pacts: Foo 1, WIP, last', async () => {
        await data();
        const pacts = await ask(since);
        expect(pacts.map((p) => `${p.versions.join(',')} ${p.wip ?? false}`)).toEqual(['2 false', '1 true']);
      });

      it('when the WIP pact has the same content as a specified pact: it is not included', async () => {
        await data();
        const same = pact('Blah', 'Wiffle', ['the same content']);
        await pactBetween(broker, 'Blah', '1', 'Wiffle', { tags: ['feat-1'], content: same });
        await pactBetween(broker, 'Blah', '2', 'Wiffle', { content: same });
        const pacts = await ask({ ...since, providerVersionBranch: 'main' }, 'Wiffle');
        expect(pacts).toHaveLength(1);
        expect(pacts[0]?.wip).toBeUndefined();
      });
    });
  });
});
