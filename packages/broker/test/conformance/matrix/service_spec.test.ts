import { beforeEach, describe, expect, it } from 'vitest';
import { createEnvironment } from '../../helpers/broker.ts';
import { matrix, pactBetween, verification } from '../logic-support.ts';
import { freshBroker } from '../support.ts';

describe('spec/lib/pact_broker/matrix/service_spec.rb', () => {
  const broker = freshBroker();

  // can_i_merge is the matrix of a version against the latest main-branch versions of the others (latestby cvp).
  describe('can-i-merge', () => {
    beforeEach(async () => {
      await broker.post('/pacticipants', { name: 'A', mainBranch: 'main_branch' });
      await broker.post('/pacticipants', { name: 'B', mainBranch: 'main_branch' });
      await pactBetween(broker, 'A', '1', 'B', { branch: 'main_branch' });
      await verification(broker, 'A', '1', 'B', '1', { success: false, branch: 'main_branch' });
      await verification(broker, 'A', '1', 'B', '1', { branch: 'main_branch' });
      await verification(broker, 'A', '1', 'B', '2', { branch: 'dev' });
    });

    it("for pacticipant that has verification on it's main branch: returns true because the mergeble status is true", async () => {
      const { body, rows } = await matrix(
        broker,
        'q[][pacticipant]=B&q[][version]=1&latest=true&mainBranch=true&latestby=cvp',
      );
      expect(rows).toEqual(['A1 B1 n2']);
      expect(body.summary.deployable).toBe(true);
    });
  });

  describe('validate_selectors', () => {
    const errorsOf = async (query: string) => {
      const response = await broker.get(`/matrix?${query}`);
      return response.statusCode === 200 ? [] : (response.json().errors as string[]);
    };

    describe('with pacticipants Foo and Bar', () => {
      beforeEach(async () => {
        await pactBetween(broker, 'Foo', '1', 'Bar', { tags: ['prod'] });
        await verification(broker, 'Foo', '1', 'Bar', '2');
      });

      it('when the pacticipant version is not specified: returns no error messages', async () => {
        expect(await errorsOf('q[][pacticipant]=Foo&q[][pacticipant]=Bar')).toEqual([]);
      });

      it('when the latest_tag is used instead of a version, when there is a version for the tag: returns no error messages', async () => {
        expect(
          await errorsOf('q[][pacticipant]=Foo&q[][tag]=prod&q[][latest]=true&q[][pacticipant]=Bar&q[][version]=2'),
        ).toEqual([]);
      });

      it('when the latest is used as well as a version: returns an error message', async () => {
        expect(
          await errorsOf('q[][pacticipant]=Foo&q[][version]=1&q[][latest]=true&q[][pacticipant]=Bar&q[][version]=2'),
        ).toEqual(['A version number and latest flag cannot both be specified for Foo']);
      });

      it('when a pacticipant to ignore is missing a name: returns an error message', async () => {
        const errors = await errorsOf('q[][pacticipant]=Foo&q[][version]=1&ignore[][version]=1');
        expect(errors.at(-1)).toContain('Please specify the pacticipant name to ignore');
      });
    });

    it('when there are no selectors: returns error messages', async () => {
      expect((await errorsOf('limit=1'))[0]).toBe('Please provide 1 or more version selectors.');
    });

    it('when the pacticipant does not exist: returns error messages', async () => {
      expect((await errorsOf('q[][pacticipant]=Foo&q[][version]=1'))[0]).toBe('Pacticipant Foo not found');
    });

    it('when the pacticipant name is not specified: returns error messages', async () => {
      expect((await errorsOf('q[][version]=1'))[0]).toBe('Please specify the pacticipant name');
    });

    it('when both a to tag and an environment are specified: returns an error message', async () => {
      await createEnvironment(broker.app, 'prod');
      expect((await errorsOf('tag=foo&environment=prod')).at(-1)).toContain('Cannot specify more than');
    });

    it('when both latest=true and an environment are specified: returns an error message', async () => {
      await createEnvironment(broker.app, 'prod');
      expect((await errorsOf('latest=true&environment=prod')).at(-1)).toContain('Cannot specify both latest');
    });

    it('when both main_branch=true and an environment are specified: returns an error message', async () => {
      await createEnvironment(broker.app, 'prod');
      expect((await errorsOf('mainBranch=true&environment=prod')).at(-1)).toContain('Cannot specify more than');
    });

    it('when both main_branch=true and a tag are specified: returns an error message', async () => {
      expect((await errorsOf('mainBranch=true&tag=prod')).at(-1)).toContain('Cannot specify more than');
    });

    // Here the names are looked up once the query is well formed, so the example gets a selector.
    it('when the environment does not exist: returns an error message', async () => {
      await pactBetween(broker, 'Foo', '1', 'Bar');
      expect((await errorsOf('q[][pacticipant]=Foo&environment=prod')).at(-1)).toContain(
        "Environment with name 'prod' does not exist",
      );
    });

    it('with an invalid limit: returns an error message', async () => {
      expect((await errorsOf('limit=limit')).at(-1)).toContain('The limit');
    });

    it('when an ignore selector has both a version and latest specified: returns an error message', async () => {
      expect(await errorsOf('ignore[][pacticipant]=Foo&ignore[][version]=1&ignore[][latest]=true')).toContain(
        'A version number and latest flag cannot both be specified for Foo to ignore',
      );
    });
  });

  // The real broker serves this through the matrix badge; here the same question goes to the matrix.
  describe('find_for_consumer_and_provider_with_tags integration test', () => {
    const query =
      'q[][pacticipant]=consumer&q[][tag]=prod&q[][latest]=true&q[][pacticipant]=provider&q[][tag]=master&q[][latest]=true&latestby=cvpv';

    it('when the specified row exists: returns the row', async () => {
      await pactBetween(broker, 'consumer', '1', 'provider', { tags: ['prod'] });
      await verification(broker, 'consumer', '1', 'provider', '2', { tags: ['master'] });
      await verification(broker, 'consumer', '1', 'provider', '3');
      await pactBetween(broker, 'consumer', '2', 'provider');
      expect((await matrix(broker, query)).rows).toEqual(['consumer1 provider2 n1']);
    });

    it('when the specified row does not exist: returns nil', async () => {
      await pactBetween(broker, 'consumer', '1', 'provider');
      expect((await matrix(broker, query)).rows).toEqual([]);
    });
  });
});
