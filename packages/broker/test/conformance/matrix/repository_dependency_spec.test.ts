import { beforeEach, describe, expect, it } from 'vitest';
import { matrix, pactBetween, selectors, verification } from '../logic-support.ts';
import { freshBroker } from '../support.ts';

describe('spec/lib/pact_broker/matrix/repository_dependency_spec.rb', () => {
  const broker = freshBroker();

  beforeEach(async () => {
    await pactBetween(broker, 'Foo', '1', 'Bar');
    await verification(broker, 'Foo', '1', 'Bar', '2');
  });

  it('find when deploying a provider to prod for the first time and the consumer has not been deployed yet: returns an empty array', async () => {
    const { rows } = await matrix(broker, `${selectors({ Bar: '2' })}&latest=true&tag=prod`);
    expect(rows).toEqual([]);
  });

  it('find when deploying a consumer to prod for the first time and the provider has not been deployed yet: returns an array with one row that does not have a verification', async () => {
    const { rows, body } = await matrix(broker, `${selectors({ Foo: '1' })}&latest=true&tag=prod`);
    expect(rows).toEqual(['Foo1 Bar? n?']);
    // The resolved selector for Bar has no version (the real broker's -1): the answer says so.
    expect(body.summary.deployable).not.toBe(true);
    expect(body.summary.reason).toBe(
      'There is no verified pact between version 1 of Foo and the latest version of Bar with tag prod (no such version exists)',
    );
  });
});
