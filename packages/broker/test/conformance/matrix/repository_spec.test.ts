import { beforeEach, describe, expect, it } from 'vitest';
import { matrix, pactBetween, selectors, verification } from '../logic-support.ts';
import { freshBroker } from '../support.ts';

const rowsOf = async (broker: ReturnType<typeof freshBroker>, query: string) => (await matrix(broker, query)).rows;

describe('spec/lib/pact_broker/matrix/repository_spec.rb', () => {
  const broker = freshBroker();

  describe('find', () => {
    // A1 - B1 n1 (failed), A1 - B1 n2, A1 - B2 n3, A1 - C1 n1, A2 - C3 n1, A2 - B? (not verified)
    beforeEach(async () => {
      await pactBetween(broker, 'A', '1', 'B');
      await verification(broker, 'A', '1', 'B', '1', { success: false });
      await verification(broker, 'A', '1', 'B', '1');
      await verification(broker, 'A', '1', 'B', '2');
      await pactBetween(broker, 'A', '1', 'C');
      await verification(broker, 'A', '1', 'C', '1');
      await pactBetween(broker, 'A', '2', 'C');
      await verification(broker, 'A', '2', 'C', '3');
      await pactBetween(broker, 'A', '2', 'B');
    });

    const cases: [string, Record<string, string | undefined>, [string, string, string[]][]][] = [
      [
        'when just the consumer name is specified',
        { A: undefined },
        [
          [
            'when no latestby is specified',
            '',
            ['A1 B1 n1', 'A1 B1 n2', 'A1 B2 n3', 'A1 C1 n1', 'A2 B? n?', 'A2 C3 n1'],
          ],
          ['when latestby=cvpv', 'cvpv', ['A1 B1 n2', 'A1 B2 n3', 'A1 C1 n1', 'A2 B? n?', 'A2 C3 n1']],
          ['when latestby=cvp', 'cvp', ['A1 B2 n3', 'A1 C1 n1', 'A2 B? n?', 'A2 C3 n1']],
          ['when latestby=cp', 'cp', ['A2 B? n?', 'A2 C3 n1']],
        ],
      ],
      [
        'when the consumer name/version are specified',
        { A: '1' },
        [
          ['when no latestby is specified', '', ['A1 B1 n1', 'A1 B1 n2', 'A1 B2 n3', 'A1 C1 n1']],
          ['when latestby=cvpv', 'cvpv', ['A1 B1 n2', 'A1 B2 n3', 'A1 C1 n1']],
          ['when latestby=cvp', 'cvp', ['A1 B2 n3', 'A1 C1 n1']],
          ['when latestby=cp', 'cp', ['A1 B2 n3', 'A1 C1 n1']],
        ],
      ],
      [
        'when the consumer name/version and the provider name are specified',
        { A: '1', B: undefined },
        [
          ['when no latestby is specified', '', ['A1 B1 n1', 'A1 B1 n2', 'A1 B2 n3']],
          ['when latestby=cvpv', 'cvpv', ['A1 B1 n2', 'A1 B2 n3']],
          ['when latestby=cvp', 'cvp', ['A1 B2 n3']],
          ['when latestby=cp', 'cp', ['A1 B2 n3']],
        ],
      ],
      [
        'when the consumer name/version and provider name/version are specified',
        { A: '1', B: '1' },
        [
          ['when no latestby is specified', '', ['A1 B1 n1', 'A1 B1 n2']],
          ['when latestby=cvpv', 'cvpv', ['A1 B1 n2']],
          ['when latestby=cvp (the same as cvpv)', 'cvp', ['A1 B1 n2']],
          ['when latestby=cp (the same as cvp)', 'cp', ['A1 B1 n2']],
        ],
      ],
    ];

    for (const [context, versions, examples] of cases) {
      describe(context, () => {
        for (const [title, latestby, expected] of examples) {
          it(`${title}: returns ${expected.join(', ')}`, async () => {
            const query = `${selectors(versions)}${latestby ? `&latestby=${latestby}` : ''}`;
            expect((await rowsOf(broker, query)).sort()).toEqual(expected);
          });
        }
      });
    }
  });

  describe('find, latestby picks the latest provider version, not the latest verification', () => {
    // The order of provider versions decides (provider_version_order), so re-verifying an old provider version
    // later does not make it "the latest" for the consumer version.
    beforeEach(async () => {
      await pactBetween(broker, 'A', '1', 'B');
      await verification(broker, 'A', '1', 'B', '1');
      await verification(broker, 'A', '1', 'B', '2', { success: false });
      await verification(broker, 'A', '1', 'B', '1');
    });

    it('latestby=cvp keeps the row of provider version 2', async () => {
      expect(await rowsOf(broker, `${selectors({ A: '1' })}&latestby=cvp`)).toEqual(['A1 B2 n2']);
    });

    it('latestby=cvpv keeps the latest verification of each provider version', async () => {
      expect((await rowsOf(broker, `${selectors({ A: '1' })}&latestby=cvpv`)).sort()).toEqual(['A1 B1 n3', 'A1 B2 n2']);
    });
  });

  describe('find', () => {
    describe('when the provider version resource exists but there is no verification for that version', () => {
      beforeEach(async () => {
        await pactBetween(broker, 'A', '1.2.3', 'B');
        await pactBetween(broker, 'A', '1.2.3', 'C');
        // Versions of B and C that verified nothing (a verification of another pact creates them).
        await pactBetween(broker, 'Other', '1', 'B');
        await verification(broker, 'Other', '1', 'B', '2.0.0');
        await pactBetween(broker, 'Other', '1', 'C');
        await verification(broker, 'Other', '1', 'C', '3.0.0');
      });

      it('returns a row for each pact; returns a row with a blank provider_version_number', async () => {
        const rows = await rowsOf(broker, selectors({ A: '1.2.3', B: '2.0.0', C: '3.0.0' }));
        expect(rows.sort()).toEqual(['A1.2.3 B? n?', 'A1.2.3 C? n?']);
      });

      it('when only 2 version selectors are specified: only returns 1 row', async () => {
        expect(await rowsOf(broker, selectors({ A: '1.2.3', B: '2.0.0' }))).toEqual(['A1.2.3 B? n?']);
      });
    });

    describe('when only one pacticipant/version is specified and it is a consumer', () => {
      beforeEach(async () => {
        await pactBetween(broker, 'A', '1.2.3', 'B');
        await verification(broker, 'A', '1.2.3', 'B', '4.5.6');
        await pactBetween(broker, 'A', '1.2.3', 'D');
        await verification(broker, 'A', '1.2.3', 'D', '6.7.8');
        await pactBetween(broker, 'A', '5.5.5', 'D');
        await verification(broker, 'A', '5.5.5', 'D', '4.5.6');
      });

      it('returns a row for each verification for that version', async () => {
        expect((await rowsOf(broker, selectors({ A: '1.2.3' }))).sort()).toEqual([
          'A1.2.3 B4.5.6 n1',
          'A1.2.3 D6.7.8 n1',
        ]);
      });
    });

    describe('when only one pacticipant name is specified and it is a consumer', () => {
      beforeEach(async () => {
        await pactBetween(broker, 'A', '1.2.3', 'B');
        await verification(broker, 'A', '1.2.3', 'B', '4.5.6');
        await pactBetween(broker, 'A', '1.2.3', 'D');
        await pactBetween(broker, 'X', '1.2.3', 'Y');
      });

      it('returns a row for each verification for the pacticipant', async () => {
        expect((await rowsOf(broker, selectors({ A: undefined }))).sort()).toEqual([
          'A1.2.3 B4.5.6 n1',
          'A1.2.3 D? n?',
        ]);
      });
    });

    describe('when only one pacticipant is specified and it is a provider', () => {
      beforeEach(async () => {
        await pactBetween(broker, 'A', '1.2.3', 'B');
        await verification(broker, 'A', '1.2.3', 'B', '4.5.6');
        await pactBetween(broker, 'D', '3.4.5', 'B');
        await verification(broker, 'D', '3.4.5', 'B', '4.5.6');
        await verification(broker, 'D', '3.4.5', 'B', '6.7.8');
      });

      it('by version: returns a row for each verification for that version', async () => {
        expect((await rowsOf(broker, selectors({ B: '4.5.6' }))).sort()).toEqual([
          'A1.2.3 B4.5.6 n1',
          'D3.4.5 B4.5.6 n1',
        ]);
      });

      it('by name: returns a row for each verification of the provider', async () => {
        expect((await rowsOf(broker, selectors({ B: undefined }))).sort()).toEqual([
          'A1.2.3 B4.5.6 n1',
          'D3.4.5 B4.5.6 n1',
          'D3.4.5 B6.7.8 n2',
        ]);
      });
    });

    describe('when only one pacticipant/version is specified and it is a consumer and provider', () => {
      beforeEach(async () => {
        await pactBetween(broker, 'A', '1', 'B');
        await verification(broker, 'A', '1', 'B', '1');
        await verification(broker, 'A', '1', 'B', '2', { success: false });
        await verification(broker, 'A', '1', 'B', '4');
        await pactBetween(broker, 'B', '1', 'C');
        await verification(broker, 'B', '1', 'C', '1', { success: false });
      });

      it('returns rows where the pacticipant is the consumer and rows where the pacticipant is the provider', async () => {
        expect((await rowsOf(broker, selectors({ B: '1' }))).sort()).toEqual(['A1 B1 n1', 'B1 C1 n1']);
      });
    });

    describe('when compability is required with all versions with a given tag', () => {
      beforeEach(async () => {
        await pactBetween(broker, 'android app', '1', 'BFF', { tags: ['prod'] });
        await verification(broker, 'android app', '1', 'BFF', '5');
        await pactBetween(broker, 'android app', '2', 'BFF', { tags: ['prod'] });
        await verification(broker, 'android app', '2', 'BFF', '5');
        await pactBetween(broker, 'android app', '3', 'BFF');
        await verification(broker, 'android app', '3', 'BFF', '5');
        await pactBetween(broker, 'ios app', '20', 'BFF', { tags: ['prod'] });
        await verification(broker, 'ios app', '20', 'BFF', '5');
      });

      it('when the other service is specifically named: returns the matrix for all of the versions for the specified pacticipants with the given tag', async () => {
        const rows = await rowsOf(
          broker,
          'q[][pacticipant]=android app&q[][tag]=prod&q[][pacticipant]=BFF&q[][version]=5',
        );
        expect(rows.sort()).toEqual(['android app1 BFF5 n1', 'android app2 BFF5 n1']);
      });

      it('when the other service is not specifically named: returns the matrix for all of the versions with the given tag', async () => {
        const rows = await rowsOf(broker, `${selectors({ BFF: '5' })}&tag=prod`);
        expect(rows.sort()).toEqual(['android app1 BFF5 n1', 'android app2 BFF5 n1', 'ios app20 BFF5 n1']);
      });
    });
  });
});
