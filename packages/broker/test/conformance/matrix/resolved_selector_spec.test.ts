import { beforeEach, describe, expect, it } from 'vitest';
import { createEnvironment, recordDeployment } from '../../helpers/broker.ts';
import { matrix, pactBetween, verification } from '../logic-support.ts';
import { freshBroker } from '../support.ts';

/**
 * A resolved selector's `description` names a side of a row in the can-i-deploy reasons ("There is no verified
 * pact between <consumer> and <provider>"), and its `version_does_not_exist_description` is the reason when a
 * specified selector finds no version. Here Foo's selector is specified beside `version 5 of Bar`, which never
 * verified Foo, so each reason names Foo by it; a selector that finds nothing is followed where the broker shows
 * it: as the reason of a specified selector, in the description of an inferred one (Foo as Baz 1's provider,
 * from the destination) and in the ignore warnings. The real matrix has no branch destination, so the
 * descriptions of a branch selector that found nothing show in no answer.
 */
describe('spec/lib/pact_broker/matrix/resolved_selector_spec.rb', () => {
  const broker = freshBroker();
  const withBar = (foo: string) => `q[][pacticipant]=Foo&${foo}&q[][pacticipant]=Bar&q[][version]=5`;
  const reasons = async (query: string) => {
    const { body } = await matrix(broker, query);
    return (body.summary.reasons as { text: string }[]).map((r) => r.text).sort();
  };
  const unverified = (...foo: string[]) =>
    foo.map((f) => `There is no verified pact between ${f} and version 5 of Bar`);

  beforeEach(async () => {
    await broker.put('/pacticipants/Bar/versions/5', {});
  });

  describe('#version_does_not_exist_description', () => {
    describe('for an existing version', () => {
      const publish = async (version: string, options: { branch?: string; tags?: string[] } = {}) =>
        pactBetween(broker, 'Foo', version, 'Bar', options);

      it('when it was specified by version number: description is "version 123 of Foo"; version_does_not_exist_description is ""', async () => {
        await publish('123');
        expect(await reasons(withBar('q[][version]=123'))).toEqual(unverified('version 123 of Foo'));
      });

      it('when it was specified by tag', async () => {
        await publish('123', { tags: ['dev'] });
        expect(await reasons(withBar('q[][tag]=dev'))).toEqual(unverified('a version of Foo with tag dev (123)'));
      });

      it('when it was specified by tag and latest', async () => {
        await publish('122', { tags: ['dev'] });
        await publish('123', { tags: ['dev'] });
        expect(await reasons(withBar('q[][tag]=dev&q[][latest]=true'))).toEqual(
          unverified('the latest version of Foo with tag dev (123)'),
        );
      });

      describe('when it was specified by branch', () => {
        it('description', async () => {
          await publish('123', { branch: 'main' });
          expect(await reasons(withBar('q[][branch]=main'))).toEqual(
            unverified('the version of Foo from branch main (123)'),
          );
        });

        it('when one of many', async () => {
          await publish('122', { branch: 'main' });
          await publish('123', { branch: 'main' });
          expect(await reasons(withBar('q[][branch]=main'))).toEqual(
            unverified(
              'one of the versions of Foo from branch main (122)',
              'one of the versions of Foo from branch main (123)',
            ),
          );
        });
      });

      it('when it was specified by branch latest', async () => {
        await publish('122', { branch: 'main' });
        await publish('123', { branch: 'main' });
        expect(await reasons(withBar('q[][branch]=main&q[][latest]=true'))).toEqual(
          unverified('the latest version of Foo from branch main (123)'),
        );
      });

      it('when it was specified by environment', async () => {
        await publish('123');
        await recordDeployment(broker.app, 'Foo', '123', await createEnvironment(broker.app, 'test'));
        expect(await reasons(withBar('q[][environment]=test'))).toEqual(
          unverified('the version of Foo currently in test (123)'),
        );
      });

      describe('when specified by main_branch', () => {
        beforeEach(() => broker.put('/pacticipants/Foo', { mainBranch: 'develop' }));

        it('description names the branch of the version', async () => {
          await publish('123', { branch: 'develop' });
          expect(await reasons(withBar('q[][mainBranch]=true'))).toEqual(
            unverified('the version of Foo from branch develop (123)'),
          );
        });

        it('when one of many', async () => {
          await publish('122', { branch: 'develop' });
          await publish('123', { branch: 'develop' });
          await publish('124', { branch: 'feat/x' });
          expect(await reasons(withBar('q[][mainBranch]=true'))).toEqual(
            unverified(
              'one of the versions of Foo from branch develop (122)',
              'one of the versions of Foo from branch develop (123)',
            ),
          );
        });

        it('when specified by main_branch and latest', async () => {
          await publish('122', { branch: 'develop' });
          await publish('123', { branch: 'develop' });
          expect(await reasons(withBar('q[][mainBranch]=true&q[][latest]=true'))).toEqual(
            unverified('the latest version of Foo from branch develop (123)'),
          );
        });
      });

      it('when it was specified by pacticipant name only', async () => {
        await publish('122');
        await publish('123');
        expect(await reasons('q[][pacticipant]=Foo&q[][pacticipant]=Bar&q[][version]=5')).toEqual(
          unverified('any version of Foo'),
        );
      });
    });

    describe('for a pacticipant no selector names (no destination to infer one from)', () => {
      // The real broker makes a stand-in selector from the row: the row's version, or any version without one.
      it("names the row's version, or any version when the row has none", async () => {
        await pactBetween(broker, 'Foo', '1', 'Bar');
        await verification(broker, 'Foo', '1', 'Bar', '2', { success: false });
        await pactBetween(broker, 'Foo', '1', 'Baz');
        expect(await reasons('q[][pacticipant]=Foo&q[][version]=1')).toEqual([
          'The verification for the pact between version 1 of Foo and version 2 of Bar failed',
          'There is no verified pact between version 1 of Foo and any version of Baz',
        ]);
      });
    });

    describe('for non existing version', () => {
      // Foo exists (a pacticipant with no versions) and is specified beside Bar 5.
      beforeEach(() => broker.post('/pacticipants', { name: 'Foo' }));

      const cases: [string, string, string][] = [
        [
          'version_does_not_exist_description (latest only)',
          'q[][latest]=true',
          'No pacts or verifications have been published for Foo',
        ],
        ['when it was specified by tag', 'q[][tag]=dev', 'No version with tag dev exists for Foo'],
        [
          'when it was specified by tag and latest',
          'q[][tag]=dev&q[][latest]=true',
          'No version with tag dev exists for Foo',
        ],
        ['when it was specified by branch', 'q[][branch]=main', 'No version of Foo from branch main exists'],
        [
          'when it was specified by branch latest',
          'q[][branch]=main&q[][latest]=true',
          'No version of Foo from branch main exists',
        ],
        [
          'when it was specified by environment',
          'q[][environment]=test',
          'No version of Foo is currently recorded as deployed or released in environment test',
        ],
        [
          'when it was specified by version number',
          'q[][version]=1',
          'No pacts or verifications have been published for version 1 of Foo',
        ],
        ['when specified by main_branch', 'q[][mainBranch]=true', 'No version of Foo from the main branch exists'],
        [
          'when specified by main_branch and latest',
          'q[][mainBranch]=true&q[][latest]=true',
          'No version of Foo from the main branch exists',
        ],
      ];
      for (const [title, foo, text] of cases) {
        it(`${title}: ${text}`, async () => {
          await createEnvironment(broker.app, 'test');
          const { body } = await matrix(broker, withBar(foo));
          expect(body.summary.deployable).toBe(false);
          expect(body.summary.reasons.map((r: { text: string }) => r.text)).toEqual([text]);
        });
      }

      it('when specified by main_branch, with a main branch set but no version on it', async () => {
        await broker.put('/pacticipants/Foo', { mainBranch: 'develop' });
        expect(await reasons(withBar('q[][mainBranch]=true'))).toEqual([
          'No version of Foo from the main branch exists',
        ]);
      });

      describe('description, of the selector inferred for Foo from the destination', () => {
        // Baz 1 consumes Foo, which has no versions.
        beforeEach(() => pactBetween(broker, 'Baz', '1', 'Foo'));
        const baz = (destination: string) => `q[][pacticipant]=Baz&q[][version]=1&${destination}`;
        const fromBaz = (foo: string) => [`There is no verified pact between version 1 of Baz and ${foo}`];

        const inferred: [string, string, string][] = [
          ['when it was specified by tag', 'tag=dev', 'a version of Foo with tag dev (no such version exists)'],
          [
            'when it was specified by tag and latest',
            'tag=dev&latest=true',
            'the latest version of Foo with tag dev (no such version exists)',
          ],
          [
            'when it was specified by environment',
            'environment=test',
            'a version of Foo currently in test (no version is currently recorded as deployed/released in this environment)',
          ],
          [
            'when specified by main_branch',
            'mainBranch=true',
            'any version of Foo from the main branch (no versions exist for this branch)',
          ],
          [
            'when specified by main_branch and latest',
            'mainBranch=true&latest=true',
            'the latest version of Foo from the main branch (no versions exist for this branch)',
          ],
          [
            'when it was specified by latest only, with no matching version',
            'latest=true',
            'the latest version of Foo (no such version exists)',
          ],
        ];
        for (const [title, destination, foo] of inferred) {
          it(`${title}: ${foo}`, async () => {
            await createEnvironment(broker.app, 'test');
            expect(await reasons(baz(destination))).toEqual(fromBaz(foo));
          });
        }

        it('when it was specified by version number: version 1 of Foo (no such version exists), as an ignore selector', async () => {
          const { body } = await matrix(broker, `${baz('latest=true')}&ignore[][pacticipant]=Foo&ignore[][version]=1`);
          expect(
            body.notices.filter((n: { type: string }) => n.type === 'warning').map((n: { text: string }) => n.text),
          ).toContain('WARN: Cannot ignore version 1 of Foo (no such version exists)');
        });
      });
    });

    describe('for a non existing pacticipant', () => {
      it('description is "any version of Foo (no such pacticipant exists)", as an ignore selector; a specified one is a 400', async () => {
        await pactBetween(broker, 'Baz', '1', 'Bar');
        const { body } = await matrix(
          broker,
          'q[][pacticipant]=Baz&q[][version]=1&latest=true&ignore[][pacticipant]=Foo',
        );
        expect(body.notices.map((n: { text: string }) => n.text)).toContain(
          'WARN: Cannot ignore any version of Foo (no such pacticipant exists)',
        );
        const specified = await broker.get('/matrix?q[][pacticipant]=Foo&q[][version]=1&latest=true');
        expect(specified.statusCode).toBe(400);
        expect(specified.json().errors).toEqual(['Pacticipant Foo not found']);
      });
    });
  });
});
