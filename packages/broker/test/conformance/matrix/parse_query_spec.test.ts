import { beforeEach, describe, expect, it } from 'vitest';
import { createEnvironment, recordDeployment } from '../../helpers/broker.ts';
import { type MatrixEntry, pactBetween, shorten, verification } from '../logic-support.ts';
import { freshBroker } from '../support.ts';

/**
 * The real spec checks the parsed selectors and options; here each parse shows in what the matrix answers to the
 * query: its rows (shortened to consumer and provider version) or its errors.
 */
describe('spec/lib/pact_broker/matrix/parse_query_spec.rb', () => {
  const broker = freshBroker();
  const ask = async (query: string) => {
    const response = await broker.get(`/matrix?${query}`);
    const body = response.json();
    if (response.statusCode !== 200) return { errors: body.errors as string[], rows: [], body };
    const rows = (body.matrix as MatrixEntry[]).map(
      (r) => `${shorten(r).replace(/ n\S+$/, '')}${r.ignored ? ' ignored' : ''}`,
    );
    return { errors: [], rows: rows.sort(), body };
  };

  // Foo 1 and Foo 1.2.3 (tagged prod) consume Bar; Bar 2 verified Foo 1 (passed), Bar 9.9.9 verified Foo 1.2.3
  // (failed); Foo 3 is not verified. "Name With Spaces" 1 2 consumes Bar too.
  beforeEach(async () => {
    await pactBetween(broker, 'Foo', '1', 'Bar', { branch: 'main' });
    await verification(broker, 'Foo', '1', 'Bar', '2');
    await pactBetween(broker, 'Foo', '1.2.3', 'Bar', { tags: ['prod'] });
    await verification(broker, 'Foo', '1.2.3', 'Bar', '9.9.9', { success: false });
    await pactBetween(broker, 'Foo', '3', 'Bar');
    await pactBetween(broker, 'Name With Spaces', '1 2', 'Bar');
  });

  describe('.call', () => {
    it('extracts the pacticipant names and respective versions', async () => {
      const { rows } = await ask('q[][pacticipant]=Foo&q[][version]=1.2.3&q[][pacticipant]=Bar&q[][version]=9.9.9');
      expect(rows).toEqual(['Foo1.2.3 Bar9.9.9']);
    });

    it('with spaces: works', async () => {
      const { rows } = await ask('q[][pacticipant]=Name%20With%20Spaces&q[][version]=1%202');
      expect(rows).toEqual(['Name With Spaces1 2 Bar?']);
    });

    it('with no q: returns an empty hash (so no selectors)', async () => {
      expect((await ask('foo')).errors).toEqual(['Please provide 1 or more version selectors.']);
    });

    it('with an incorrect param names: returns nil keys or values (a selector without a name)', async () => {
      expect((await ask('q[][wrong]=Foo&q[][blah]=1.2.3')).errors).toEqual(['Please specify the pacticipant name']);
    });

    it('with just one status specified: extracts the one status', async () => {
      expect((await ask('q[][pacticipant]=Foo&success=true')).rows).toEqual(['Foo1 Bar2']);
    });

    it('with an array of statuses: extracts the statuses', async () => {
      expect((await ask('q[][pacticipant]=Foo&success[]=true&success[]=false&success[]=')).rows).toEqual([
        'Foo1 Bar2',
        'Foo1.2.3 Bar9.9.9',
        'Foo3 Bar?',
      ]);
    });

    it('with success[]=: sets an array with a nil success', async () => {
      expect((await ask('q[][pacticipant]=Foo&success[]=&foo=bar')).rows).toEqual(['Foo3 Bar?']);
    });

    it('with success=: sets an array with a nil success', async () => {
      expect((await ask('q[][pacticipant]=Foo&success=&foo=bar')).rows).toEqual(['Foo3 Bar?']);
    });

    it('when latest is true: returns a selector with latest true', async () => {
      expect((await ask('q[][pacticipant]=Foo&q[][latest]=true')).rows).toEqual(['Foo3 Bar?']);
    });

    it('when global latest is true: returns options with latest true', async () => {
      // Bar's latest version is 9.9.9: only Foo 1.2.3's pact has its verification.
      expect((await ask('q[][pacticipant]=Foo&latest=true')).rows).toEqual([
        'Foo1 Bar?',
        'Foo1.2.3 Bar9.9.9',
        'Foo3 Bar?',
      ]);
    });

    it('when latest is not true: returns a selector with no latest key', async () => {
      expect((await ask('q[][pacticipant]=Foo&q[][latest]=false')).rows).toHaveLength(3);
    });

    it('when there is a tag: returns a selector with a tag', async () => {
      expect((await ask('q[][pacticipant]=Foo&q[][tag]=prod')).rows).toEqual(['Foo1.2.3 Bar9.9.9']);
    });

    it('when a limit is specified: sets the limit', async () => {
      expect((await ask('q[][pacticipant]=Foo&limit=200')).rows).toHaveLength(3);
      expect((await ask('q[][pacticipant]=Foo&limit=1')).rows).toHaveLength(1);
    });

    it('when there are ignored selectors: sets the pacticipants to ignore', async () => {
      await pactBetween(broker, 'Waffle', '1', 'Bar');
      await pactBetween(broker, 'Waffle', '2', 'Bar');
      const { rows } = await ask(
        'q[][pacticipant]=Bar&ignore[][pacticipant]=Foo&ignore[][pacticipant]=Waffle&ignore[][version]=1',
      );
      expect(rows).toEqual([
        'Foo1 Bar2 ignored',
        'Foo1.2.3 Bar9.9.9 ignored',
        'Foo3 Bar? ignored',
        'Name With Spaces1 2 Bar?',
        'Waffle1 Bar? ignored',
        'Waffle2 Bar?',
      ]);
    });

    it("when the ignored selectors isn't a hash: sets an empty array", async () => {
      const { errors, rows } = await ask('q[][pacticipant]=Foo&q[][tag]=prod&ignore=1');
      expect(errors).toEqual([]);
      expect(rows).toEqual(['Foo1.2.3 Bar9.9.9']);
      // A name that is not in an array ignores nothing either.
      expect((await ask('q[][pacticipant]=Foo&q[][tag]=prod&ignore=Bar')).rows).toEqual(['Foo1.2.3 Bar9.9.9']);
    });

    describe('with the flat q[]key selector encoding (production shape)', () => {
      it('single selector: parses one selector', async () => {
        expect((await ask('q[]pacticipant=Foo&q[]version=1')).rows).toEqual(['Foo1 Bar2']);
      });

      it('multiple selectors, keys interleaved per selector: groups each pacticipant with its version', async () => {
        expect((await ask('q[]pacticipant=Foo&q[]version=1.2.3&q[]pacticipant=Bar&q[]version=9.9.9')).rows).toEqual([
          'Foo1.2.3 Bar9.9.9',
        ]);
      });

      it('multiple flat selectors, pacticipant-only: parses one selector per pacticipant', async () => {
        expect((await ask('q[]pacticipant=Foo&q[]pacticipant=Bar')).rows).toHaveLength(3);
      });

      it('all pacticipants then all versions (KNOWN FRAGILITY): mis-groups the selectors (documents current behaviour)', async () => {
        // Foo; Bar 1; and a selector with version 2 and no name.
        expect((await ask('q[]pacticipant=Foo&q[]pacticipant=Bar&q[]version=1&q[]version=2')).errors).toEqual([
          'Please specify the pacticipant name',
        ]);
      });
    });

    it('with a large number of selectors (cardinality tail): parses one selector per pacticipant/version pair', async () => {
      const query = (i: number) => `q[][pacticipant]=P${i}&q[][version]=${i}`;
      const { errors } = await ask([1, 2, 3, 4, 5].map(query).join('&'));
      expect(errors).toEqual([
        'Pacticipant P1 not found',
        'Pacticipant P2 not found',
        'Pacticipant P3 not found',
        'Pacticipant P4 not found',
        'Pacticipant P5 not found',
      ]);
    });

    it('with a repeated top-level option key: keeps the last value (documents current behaviour)', async () => {
      const prod = await createEnvironment(broker.app, 'prod');
      await createEnvironment(broker.app, 'test');
      await recordDeployment(broker.app, 'Bar', '2', prod);
      expect((await ask('q[][pacticipant]=Foo&q[][version]=1&environment=test&environment=prod')).rows).toEqual([
        'Foo1 Bar2',
      ]);
    });

    it('when there is a branch: returns a selector with a branch', async () => {
      expect((await ask('q[][pacticipant]=Foo&q[][branch]=main')).rows).toEqual(['Foo1 Bar2']);
    });

    it('when there is a per-selector environment: returns a selector with an environment', async () => {
      const production = await createEnvironment(broker.app, 'production');
      await recordDeployment(broker.app, 'Foo', '1.2.3', production);
      expect((await ask('q[][pacticipant]=Foo&q[][environment]=production')).rows).toEqual(['Foo1.2.3 Bar9.9.9']);
    });

    it('when there is a per-selector mainBranch: returns a selector with main_branch true', async () => {
      expect((await broker.put('/pacticipants/Foo', { mainBranch: 'main' })).statusCode).toBe(200);
      expect((await ask('q[][pacticipant]=Foo&q[][mainBranch]=true')).rows).toEqual(['Foo1 Bar2']);
    });

    it('when there is a top-level environment option: sets the environment_name option', async () => {
      const production = await createEnvironment(broker.app, 'production');
      await recordDeployment(broker.app, 'Bar', '9.9.9', production);
      expect((await ask('q[][pacticipant]=Foo&environment=production')).rows).toEqual([
        'Foo1 Bar?',
        'Foo1.2.3 Bar9.9.9',
        'Foo3 Bar?',
      ]);
    });

    it('when there is a top-level mainBranch option: sets the main_branch option', async () => {
      expect((await broker.put('/pacticipants/Bar', { mainBranch: 'main' })).statusCode).toBe(200);
      await verification(broker, 'Foo', '3', 'Bar', '4', { branch: 'main' });
      expect((await ask('q[][pacticipant]=Foo&mainBranch=true&latest=true')).rows).toEqual([
        'Foo1 Bar?',
        'Foo1.2.3 Bar?',
        'Foo3 Bar4',
      ]);
    });

    it('when latest is present but empty: does not set the latest option', async () => {
      expect((await ask('q[][pacticipant]=Foo&latest=')).rows).toHaveLength(3);
    });
  });
});
