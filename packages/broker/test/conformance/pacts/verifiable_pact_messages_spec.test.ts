import { describe, expect, it } from 'vitest';
import { createEnvironment, forVerification, recordDeployment } from '../../helpers/broker.ts';
import { pactBetween, verification } from '../logic-support.ts';
import { freshBroker } from '../support.ts';

interface Notice {
  when: string;
  text: string;
}

/**
 * The real spec builds the messages from a made-up verifiable pact; here Foo 1234 publishes a pact for Bar, the
 * selectors pick it, and the messages are the notices of the pacts-for-verification answer.
 */
describe('spec/lib/pact_broker/pacts/verifiable_pact_messages_spec.rb', () => {
  const broker = freshBroker();
  const notices = async (body: Record<string, unknown>): Promise<Notice[]> => {
    const response = await forVerification(broker.app, 'Bar', body);
    expect(response.statusCode, JSON.stringify(response.body)).toBe(200);
    const [pact] = response.body._embedded.pacts;
    return pact.verificationProperties.notices;
  };
  const inclusion = async (selectors: unknown[]) => (await notices({ consumerVersionSelectors: selectors }))[0]?.text;
  const pendingReason = async (body: Record<string, unknown>) =>
    (await notices({ includePendingStatus: true, ...body }))[1]?.text;

  describe('inclusion_reason', () => {
    it('when there is one selector', async () => {
      await pactBetween(broker, 'Foo', '1234', 'Bar');
      expect(await inclusion([{ latest: true }])).toMatch(
        /^The pact at http:\/\/broker\.test\/\S+ is being verified because the pact content belongs to the consumer version matching the following criterion:\n/,
      );
    });

    it('when there is more than one selector; when there are branches', async () => {
      await pactBetween(broker, 'Foo', '1234', 'Bar', { branch: 'main' });
      await broker.put('/pacticipants/Foo/branches/feat-x/versions/1234');
      const text = await inclusion([{ branch: 'main' }, { branch: 'feat-x' }]);
      expect(text).toContain('belongs to the consumer versions matching the following criteria:');
      expect(text).toContain("latest version from branch 'feat-x' (1234)");
      expect(text).toContain("latest version from branch 'main' (1234)");
    });

    it('when there are no head consumer tags', async () => {
      await pactBetween(broker, 'Foo', '1234', 'Bar');
      expect(await inclusion([{ latest: true }])).toContain(
        'latest version of a consumer that has a pact with Bar (1234)',
      );
    });

    it('when there is 1 head consumer tags; when there are 2 head consumer tags', async () => {
      await pactBetween(broker, 'Foo', '1234', 'Bar', { tags: ['dev', 'prod'] });
      expect(await inclusion([{ tag: 'dev', latest: true }])).toContain("latest version tagged 'dev' (1234)");
      const both = await inclusion([
        { tag: 'dev', latest: true },
        { tag: 'prod', latest: true },
      ]);
      expect(both).toContain("latest version tagged 'dev' (1234)");
      expect(both).toContain("latest version tagged 'prod' (1234)");
    });

    it('when there are branches and tags', async () => {
      await pactBetween(broker, 'Foo', '1234', 'Bar', { branch: 'main', tags: ['prod'] });
      const text = await inclusion([{ branch: 'main' }, { tag: 'prod', latest: true }]);
      expect(text).toContain("latest version from branch 'main' (1234)");
      expect(text).toContain("latest version tagged 'prod' (1234)");
    });

    it('when the pact was selected by the fallback tag', async () => {
      await pactBetween(broker, 'Foo', '1234', 'Bar', { tags: ['master'] });
      expect(await inclusion([{ tag: 'feat-x', latest: true, fallbackTag: 'master' }])).toContain(
        "latest version tagged 'master' (fallback tag used as no pact was found with tag 'feat-x') (1234)",
      );
    });

    it('when the pact was selected by the fallback branch', async () => {
      await pactBetween(broker, 'Foo', '1234', 'Bar', { branch: 'master' });
      expect(await inclusion([{ branch: 'feat-x', fallbackBranch: 'master' }])).toContain(
        "latest version from branch 'master' (fallback branch used as no pact was found from branch 'feat-x') (1234)",
      );
    });

    it('when the pact was for the main branch, when the main branch is called main', async () => {
      await broker.post('/pacticipants', { name: 'Foo', mainBranch: 'main' });
      await pactBetween(broker, 'Foo', '1234', 'Bar', { branch: 'main' });
      expect(await inclusion([{ mainBranch: true }])).toContain("latest version from the main branch 'main' (1234)");
    });

    describe('when the pact is a WIP pact', () => {
      const wip = (body: Record<string, unknown>) =>
        notices({
          consumerVersionSelectors: [{ tag: 'none', latest: true }],
          includePendingStatus: true,
          includeWipPactsSince: '2000-01-01',
          ...body,
        });

      it('for the specified provider tags', async () => {
        await pactBetween(broker, 'Foo', '1234', 'Bar', { tags: ['feat-x'] });
        const [first] = await wip({ providerVersionTags: ['dev'] });
        expect(first?.text).toMatch(
          /^The pact at \S+ is being verified because it is a 'work in progress' pact \(ie\. it is the pact for the latest version of Foo tagged with 'feat-x' and it has not yet been successfully verified by a version of Bar with tag 'dev' when the pact's application version was explicitly specified in the consumer version selectors\)\. Read more at https:\/\/docs\.pact\.io\/go\/wip$/,
        );
      });

      it('for a consumer branch: both branches, with the same content', async () => {
        await pactBetween(broker, 'Foo', '1234', 'Bar', { branch: 'feat-x' });
        await broker.put('/pacticipants/Foo/branches/feat-y/versions/1234');
        const [first] = await wip({ providerVersionBranch: 'main' });
        expect(first?.text).toContain(
          "it is the pact for the latest versions of Foo from branches 'feat-x' and 'feat-y' (both have the same content)",
        );
      });
    });

    it('when the pact is one of all versions for a tag; for a tag and consumer', async () => {
      await pactBetween(broker, 'Foo', '1234', 'Bar', { tags: ['prod'] });
      expect(await inclusion([{ tag: 'prod' }])).toContain("all consumer versions tagged 'prod' (1234)");
      expect(await inclusion([{ tag: 'prod', consumer: 'Foo' }])).toContain("all Foo versions tagged 'prod' (1234)");
    });

    it('when the pact is the latest version for a tag and consumer; for a branch and consumer; for a consumer', async () => {
      await pactBetween(broker, 'Foo', '1234', 'Bar', { tags: ['prod'], branch: 'main' });
      expect(await inclusion([{ tag: 'prod', latest: true, consumer: 'Foo' }])).toContain(
        "latest version of Foo tagged 'prod' (1234)",
      );
      expect(await inclusion([{ branch: 'main', consumer: 'Foo' }])).toContain(
        "latest version of Foo from branch 'main' (1234)",
      );
      expect(await inclusion([{ latest: true, consumer: 'Foo' }])).toContain(
        'latest version of Foo that has a pact with Bar (1234)',
      );
    });

    describe('deployed and released versions', () => {
      const deployTo = async (...environments: string[]) => {
        for (const name of environments) {
          const uuid = await createEnvironment(broker.app, name);
          await recordDeployment(broker.app, 'Foo', '1234', uuid);
        }
      };

      it('when the consumer version is currently deployed to a single environment', async () => {
        await pactBetween(broker, 'Foo', '1234', 'Bar');
        await deployTo('test');
        expect(await inclusion([{ deployed: true, environment: 'test' }])).toContain(
          'consumer version(s) currently deployed to test (1234)',
        );
      });

      it('when the consumer version is released and supported in a single environment', async () => {
        await pactBetween(broker, 'Foo', '1234', 'Bar');
        const uuid = await createEnvironment(broker.app, 'test');
        await recordDeployment(broker.app, 'Foo', '1234', uuid, 'released');
        expect(await inclusion([{ released: true, environment: 'test' }])).toContain(
          'consumer version(s) released and supported in test (1234)',
        );
      });

      it('when the consumer version is currently deployed to a multiple environments', async () => {
        await pactBetween(broker, 'Foo', '1234', 'Bar');
        await deployTo('dev', 'test', 'prod');
        const selectors = ['dev', 'test', 'prod'].map((environment) => ({ deployed: true, environment }));
        expect(await inclusion(selectors)).toContain(
          'consumer version(s) currently deployed to dev (1234), test (1234) and prod (1234)',
        );
      });

      it('when the currently deployed consumer version is for a consumer', async () => {
        await pactBetween(broker, 'Foo', '1234', 'Bar');
        await deployTo('test', 'prod');
        const text = await inclusion([
          { deployed: true, environment: 'test', consumer: 'Foo' },
          { deployed: true, environment: 'prod', consumer: 'Foo' },
        ]);
        expect(text).toContain('version(s) of Foo currently deployed to test (1234) and prod (1234)');
      });
    });
  });

  describe('pending_reason', () => {
    describe('when the pact is not pending', () => {
      it('when there are no non_pending_provider_tags or a provider branch', async () => {
        await pactBetween(broker, 'Foo', '1234', 'Bar');
        await verification(broker, 'Foo', '1234', 'Bar', '1');
        expect(await pendingReason({ consumerVersionSelectors: [{ latest: true }] })).toContain(
          'This pact has previously been successfully verified by Bar. If this verification fails, it will fail the build.',
        );
      });

      it('when there is 1 non_pending_provider_tag', async () => {
        await pactBetween(broker, 'Foo', '1234', 'Bar');
        await verification(broker, 'Foo', '1234', 'Bar', '1', { tags: ['dev'] });
        const body = { consumerVersionSelectors: [{ latest: true }], providerVersionTags: ['dev'] };
        expect(await pendingReason(body)).toContain(
          "This pact has previously been successfully verified by a version of Bar with tag 'dev'. If this verification fails, it will fail the build.",
        );
      });

      it('when there is a provider branch', async () => {
        await pactBetween(broker, 'Foo', '1234', 'Bar');
        await verification(broker, 'Foo', '1234', 'Bar', '1', { branch: 'main' });
        const body = { consumerVersionSelectors: [{ latest: true }], providerVersionBranch: 'main' };
        expect(await pendingReason(body)).toContain(
          "This pact has previously been successfully verified by a version of Bar from branch 'main'. If this verification fails, it will fail the build.",
        );
      });
    });

    describe('when the pact is pending but not wip', () => {
      const pending = (extra: Record<string, unknown>) =>
        pendingReason({ consumerVersionSelectors: [{ latest: true }], ...extra });
      const sentence = (who: string) =>
        `This pact is in pending state for this version of Bar because a successful verification result for ${who} has not yet been published. If this verification fails, it will not cause the overall build to fail.`;

      it('when there are no non_pending_provider_tags or a provider_branch', async () => {
        await pactBetween(broker, 'Foo', '1234', 'Bar');
        expect(await pending({})).toContain(sentence('Bar'));
      });

      it('when there is a provider_branch', async () => {
        await pactBetween(broker, 'Foo', '1234', 'Bar');
        expect(await pending({ providerVersionBranch: 'main' })).toContain(
          sentence("a version of Bar from branch 'main'"),
        );
      });

      it('when there is 1 pending_provider_tag; 2; 3', async () => {
        await pactBetween(broker, 'Foo', '1234', 'Bar');
        expect(await pending({ providerVersionTags: ['dev'] })).toContain(sentence("a version of Bar with tag 'dev'"));
        expect(await pending({ providerVersionTags: ['dev', 'feat-x'] })).toContain(
          sentence("a versions of Bar with tag 'dev' and 'feat-x'"),
        );
        expect(await pending({ providerVersionTags: ['dev', 'feat-x', 'feat-y'] })).toContain(
          "'dev', 'feat-x' and 'feat-y'",
        );
      });
    });

    it('when the pact is pending and is wip', async () => {
      await pactBetween(broker, 'Foo', '1234', 'Bar', { branch: 'feat-x' });
      const [, reason] = await notices({
        consumerVersionSelectors: [{ branch: 'none' }],
        includePendingStatus: true,
        includeWipPactsSince: '2000-01-01',
        providerVersionBranch: 'main',
      });
      expect(reason?.text).toContain(
        "This pact is in pending state for this version of Bar because it was included as a 'work in progress' pact. If this verification fails, it will not cause the overall build to fail.",
      );
    });
  });
});
