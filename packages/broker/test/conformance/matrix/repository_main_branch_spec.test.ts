import { beforeEach, describe, expect, it } from 'vitest';
import { matrix, pactBetween, selectors, verification } from '../logic-support.ts';
import { freshBroker } from '../support.ts';

const short = (row: string) => row.replace(/ n\S+$/, '');

describe('spec/lib/pact_broker/matrix/repository_main_branch_spec.rb', () => {
  const broker = freshBroker();
  const mainBranch = (name: string, branch: string) => broker.put(`/pacticipants/${name}`, { mainBranch: branch });
  const branchOf = (body: { matrix: { provider: { name: string; version: { branch: string } } }[] }, name: string) => [
    ...new Set(body.matrix.filter((r) => r.provider.name === name).map((r) => r.provider.version.branch)),
  ];

  describe('find', () => {
    describe('deploying a consumer with the main branches of the provider', () => {
      beforeEach(async () => {
        await pactBetween(broker, 'Foo', '1', 'Bar');
        await mainBranch('Bar', 'develop');
        await verification(broker, 'Foo', '1', 'Bar', '1', { branch: 'develop' });
        await verification(broker, 'Foo', '1', 'Bar', '2', { branch: 'develop' });
        await verification(broker, 'Foo', '1', 'Bar', '3', { branch: 'not-develop' });
        await pactBetween(broker, 'Foo', '1', 'Baz');
        await mainBranch('Baz', 'main');
        await verification(broker, 'Foo', '1', 'Baz', '10', { branch: 'main' });
        await verification(broker, 'Foo', '1', 'Baz', '11', { branch: 'main' });
        await verification(broker, 'Foo', '1', 'Baz', '12', { branch: 'not-main' });
      });

      it("returns the rows between the consumer and the provider's main branches; sets the resolved branch name", async () => {
        const { rows, body } = await matrix(broker, `${selectors({ Foo: '1' })}&mainBranch=true&latest=true`);
        expect(rows.map(short).sort()).toEqual(['Foo1 Bar2', 'Foo1 Baz11']);
        expect(branchOf(body, 'Bar')).toEqual(['develop']);
        expect(branchOf(body, 'Baz')).toEqual(['main']);
      });

      it("deploying a consumer with all versions of the provider's main branches: returns the rows with every version of each provider's main branch; sets the resolved branch names", async () => {
        const { rows, body } = await matrix(broker, `${selectors({ Foo: '1' })}&mainBranch=true`);
        expect(rows.map(short).sort()).toEqual(['Foo1 Bar1', 'Foo1 Bar2', 'Foo1 Baz10', 'Foo1 Baz11']);
        expect(branchOf(body, 'Bar')).toEqual(['develop']);
        expect(branchOf(body, 'Baz')).toEqual(['main']);
      });
    });

    describe('deploying a provider with the main branches of the consumers', () => {
      beforeEach(async () => {
        for (const [consumer, main] of [
          ['Foo', 'develop'],
          ['Beep', 'main'],
        ] as const) {
          await pactBetween(broker, consumer, '1', 'Bar', { branch: main });
          await mainBranch(consumer, main);
          await verification(broker, consumer, '1', 'Bar', '1');
          await pactBetween(broker, consumer, '2', 'Bar', { branch: main });
          await verification(broker, consumer, '2', 'Bar', '1');
          await pactBetween(broker, consumer, '3', 'Bar', { branch: `not-${main}` });
          await verification(broker, consumer, '3', 'Bar', '1');
        }
      });

      it("returns the rows between the provider and the latest version of each consumer's main branches", async () => {
        const { rows } = await matrix(broker, `${selectors({ Bar: '1' })}&mainBranch=true&latest=true`);
        expect(rows.map(short).sort()).toEqual(['Beep2 Bar1', 'Foo2 Bar1']);
      });

      it("deploying a provider with all versions of the consumer's main branches: returns the rows between the provider and the consumer's main branches", async () => {
        const { rows } = await matrix(broker, `${selectors({ Bar: '1' })}&mainBranch=true`);
        expect(rows.map(short).sort()).toEqual(['Beep1 Bar1', 'Beep2 Bar1', 'Foo1 Bar1', 'Foo2 Bar1']);
      });
    });
  });
});
