import { describe, expect, it } from 'vitest';
import { matrix, pactBetween, selectors, verification } from '../logic-support.ts';
import { type Client, freshBroker } from '../support.ts';

/** `Service.can_i_deploy(selectors, ignore_selectors: …)` is `GET /matrix` with `ignore[]`. */
describe('spec/lib/pact_broker/matrix/integration_ignore_spec.rb', () => {
  const broker = freshBroker();
  const prod = 'latest=true&tag=prod&latestby=cvp';
  const ignore = (versions: Record<string, string | undefined>) => selectors(versions).replaceAll('q[]', 'ignore[]');
  const ask = (query: string, ignored: Record<string, string | undefined> = {}) =>
    matrix(broker, `${query}&${prod}${Object.keys(ignored).length ? `&${ignore(ignored)}` : ''}`);
  const deployable = async (query: string, ignored: Record<string, string | undefined> = {}) =>
    (await ask(query, ignored)).body.summary.deployable;
  const tagVersion = async (client: Client, pacticipant: string, version: string, tag: string) => {
    const response = await client.put(`/pacticipants/${pacticipant}/versions/${version}/tags/${tag}`);
    expect(response.statusCode).toBe(201);
  };

  /** The spec's two shared examples: deployable when ignoring, not without. */
  const withAndWithout = (setUp: () => Promise<void>, query: string, ignored: Record<string, string | undefined>) => {
    it('with ignore selectors: is deployable', async () => {
      await setUp();
      expect(await deployable(query, ignored)).toBe(true);
    });
    it('without any ignore selectors: is not deployable', async () => {
      await setUp();
      expect(await deployable(query)).not.toBe(true);
    });
  };

  describe('find, when deploying a consumer and ignoring a provider', () => {
    const foo1 = selectors({ Foo: '1' });

    describe('with a missing verification from a provider', () => {
      withAndWithout(
        async () => {
          await pactBetween(broker, 'Foo', '1', 'Bar');
          await tagVersion(broker, 'Bar', '2', 'prod');
        },
        foo1,
        { Bar: undefined },
      );
    });

    describe('with a failed verification from a provider', () => {
      const setUp = async () => {
        await pactBetween(broker, 'Foo', '1', 'Bar');
        await verification(broker, 'Foo', '1', 'Bar', '2', { tags: ['prod'], success: false });
      };
      withAndWithout(setUp, foo1, { Bar: undefined });

      it('when ignoring the specific provider version: is deployable', async () => {
        await setUp();
        expect(await deployable(foo1, { Bar: '2' })).toBe(true);
      });

      it('when ignoring a different specific provider version: is not deployable', async () => {
        await setUp();
        expect(await deployable(foo1, { Bar: '999' })).not.toBe(true);
      });
    });

    describe('when the provider has not been deployed', () => {
      withAndWithout(
        async () => {
          await pactBetween(broker, 'Foo', '1', 'Bar');
          await verification(broker, 'Foo', '1', 'Bar', '2');
        },
        foo1,
        { Bar: undefined },
      );
    });

    const fooAndProdBar = `${foo1}&q[][pacticipant]=Bar&q[][tag]=prod&q[][latest]=true`;

    describe('when the consumer and provider have been specified', () => {
      withAndWithout(
        async () => {
          await pactBetween(broker, 'Foo', '1', 'Bar');
          await verification(broker, 'Foo', '1', 'Bar', '2', { tags: ['prod'], success: false });
        },
        fooAndProdBar,
        { Bar: undefined },
      );
    });

    describe('when the consumer and provider have been specified and the provider version specified does not exist', () => {
      withAndWithout(
        async () => {
          await pactBetween(broker, 'Foo', '1', 'Bar');
          await verification(broker, 'Foo', '1', 'Bar', '2');
        },
        fooAndProdBar,
        { Bar: undefined },
      );
    });

    it('when the provider to ignore does not exist: includes a warning about the incorrect ignore selector', async () => {
      await pactBetween(broker, 'Foo', '1', 'NotBar');
      await verification(broker, 'Foo', '1', 'NotBar', '2');
      const { body } = await ask(foo1, { Bar: undefined });
      expect(body.summary.reason).toContain('WARN: Cannot ignore any version of Bar (no such pacticipant exists)');
    });

    it('when the provider version to ignore does not exist: includes a warning about the incorrect ignore selector', async () => {
      await pactBetween(broker, 'Foo', '1', 'Bar');
      await verification(broker, 'Foo', '1', 'Bar', '2');
      const { body } = await ask(foo1, { Bar: '999' });
      expect(body.summary.reason).toContain('WARN: Cannot ignore version 999 of Bar (no such version exists)');
    });
  });

  describe('find, when deploying a provider and ignoring a consumer', () => {
    const bar2 = selectors({ Bar: '2' });

    it('with a missing verification from a provider: does not allows the provider to be deployed', async () => {
      await pactBetween(broker, 'Foo', '1', 'Bar', { tags: ['prod'] });
      expect((await broker.put('/pacticipants/Bar/versions/2', {})).statusCode).toBeLessThan(300);
      const { body } = await ask(bar2);
      expect(body.summary.deployable).not.toBe(true);
      expect(body.summary.reason).toMatch(/no verified pact/);
    });

    describe('with a failed verification from a provider', () => {
      const setUp = async () => {
        await pactBetween(broker, 'Foo', '1', 'Bar', { tags: ['prod'] });
        await verification(broker, 'Foo', '1', 'Bar', '2', { success: false });
      };
      withAndWithout(setUp, bar2, { Foo: undefined });

      it('when ignoring the specific consumer version: is deployable', async () => {
        await setUp();
        expect(await deployable(bar2, { Foo: '1' })).toBe(true);
      });

      it('when ignoring the wrong specific consumer version: is not deployable', async () => {
        await setUp();
        expect(await deployable(bar2, { Foo: 'wrong' })).not.toBe(true);
      });
    });
  });
});
