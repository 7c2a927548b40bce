import { describe, expect, it } from 'vitest';
import { pendingLifecycle } from '../pending-lifecycle.ts';
import { freshBroker } from '../support.ts';

describe('spec/features/pending_pacts_with_tags_spec.rb', () => {
  const broker = freshBroker();
  const lifecycle = pendingLifecycle(broker, {
    query: (tag) => ({ providerVersionTags: [tag] }),
    providerVersion: async (client) => {
      expect((await client.put('/pacticipants/Bar/versions/2/tags/main')).statusCode).toBe(201);
    },
  });

  describe('a pact', () => {
    it('when it is first published: is pending', async () => {
      await lifecycle.publishPact();
      expect(await lifecycle.pendingStatus()).toBe(true);
    });

    it('when it is verified unsuccessfully: is still pending', async () => {
      await lifecycle.publishPact();
      await lifecycle.verify(false);
      expect(await lifecycle.pendingStatus()).toBe(true);
    });

    it('when it is verified successfully: is no longer pending', async () => {
      await lifecycle.publishPact();
      await lifecycle.verify(true);
      expect(await lifecycle.pendingStatus()).toBe(false);
    });

    it('when it is verified successfully by one branch, and then another branch of the provider is created: is not pending for the new branch', async () => {
      await lifecycle.publishPact();
      await lifecycle.verify(true);
      expect(await lifecycle.pendingStatus('feat/foo')).toBe(false);
    });
  });
});
