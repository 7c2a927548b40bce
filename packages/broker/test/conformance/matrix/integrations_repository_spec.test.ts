import { beforeEach, describe, expect, it } from 'vitest';
import { matrix, pactBetween, selectors, verification } from '../logic-support.ts';
import { freshBroker } from '../support.ts';

/**
 * `find_integrations_for_specified_selectors` decides which integrations a matrix question covers: those between
 * the specified selectors, or (when inferring, which a destination such as `latest=true` turns on, as can-i-deploy
 * sends it) every integration of a specified pacticipant. Here each integration shows as its rows in the matrix
 * answer, and whether the other side is required (the consumer needs its providers, not the other way round) as
 * the verdict: Frog never verified Foo 1, so only a question that includes Foo's integration with Frog is open.
 */
describe('spec/lib/pact_broker/matrix/integrations_repository_spec.rb', () => {
  const broker = freshBroker();

  // Foo 1 -> Bar 2, Waffle 3 -> Bar 2, Foo 1 -> Frog (not verified).
  beforeEach(async () => {
    await pactBetween(broker, 'Foo', '1', 'Bar');
    await verification(broker, 'Foo', '1', 'Bar', '2');
    await pactBetween(broker, 'Waffle', '3', 'Bar');
    await verification(broker, 'Waffle', '3', 'Bar', '2');
    await pactBetween(broker, 'Foo', '1', 'Frog');
  });

  const infer = 'latest=true';
  const answer = async (query: string) => {
    const { body, rows } = await matrix(broker, query);
    return { rows: rows.sort(), deployable: body.summary.deployable };
  };

  const cases: [string, string, [string, string, { rows: string[]; deployable: boolean | null }][]][] = [
    [
      'for one provider version',
      selectors({ Bar: '2' }),
      [
        [
          'when not inferring other integrations (having a single selector and not inferring integrations is supported by the code but is not a scenario accessible through the UI or CLI)',
          '',
          { rows: ['Foo1 Bar2 n1', 'Waffle3 Bar2 n1'], deployable: true },
        ],
        [
          'when inferring other integrations (this is the most common scenario, and is used for can-i-deploy): is exactly the same as not inferring selectors',
          infer,
          { rows: ['Foo1 Bar2 n1', 'Waffle3 Bar2 n1'], deployable: true },
        ],
      ],
    ],
    [
      'for one provider',
      selectors({ Bar: undefined }),
      [
        ['when not inferring integrations', '', { rows: ['Foo1 Bar2 n1', 'Waffle3 Bar2 n1'], deployable: true }],
        [
          'when inferring other integrations: is exactly the same as not inferring selectors',
          infer,
          { rows: ['Foo1 Bar2 n1', 'Waffle3 Bar2 n1'], deployable: true },
        ],
      ],
    ],
    [
      'for one consumer version',
      selectors({ Foo: '1' }),
      [
        ['when not inferring integrations', '', { rows: ['Foo1 Bar2 n1', 'Foo1 Frog? n?'], deployable: null }],
        [
          'when inferring other integrations (this is the most common scenario, and is used for can-i-deploy): is exactly the same as not inferring selectors',
          infer,
          { rows: ['Foo1 Bar2 n1', 'Foo1 Frog? n?'], deployable: null },
        ],
      ],
    ],
    [
      'for one consumer',
      selectors({ Foo: undefined }),
      [
        ['when not inferring integrations', '', { rows: ['Foo1 Bar2 n1', 'Foo1 Frog? n?'], deployable: null }],
        [
          'when inferring other integrations: is exactly the same as not inferring selectors',
          infer,
          { rows: ['Foo1 Bar2 n1', 'Foo1 Frog? n?'], deployable: null },
        ],
      ],
    ],
    [
      'with multiple selectors with versions',
      selectors({ Bar: '2', Foo: '1' }),
      [
        [
          'when not inferring integrations: only returns the integrations that exist between the specified selectors',
          '',
          { rows: ['Foo1 Bar2 n1'], deployable: true },
        ],
        [
          'when inferring other integrations: returns all the integrations that involve any of the specified selectors',
          infer,
          { rows: ['Foo1 Bar2 n1', 'Foo1 Frog? n?', 'Waffle3 Bar2 n1'], deployable: null },
        ],
      ],
    ],
    [
      'with multiple selectors without versions (this is the default landing page for the pactflow integration matrix)',
      selectors({ Bar: undefined, Foo: undefined }),
      [
        [
          'when not inferring integrations: only returns integrations between the spefied selectors',
          '',
          { rows: ['Foo1 Bar2 n1'], deployable: true },
        ],
        [
          'when inferring other integrations: returns all the integrations that involve any of the specified selectors',
          infer,
          { rows: ['Foo1 Bar2 n1', 'Foo1 Frog? n?', 'Waffle3 Bar2 n1'], deployable: null },
        ],
      ],
    ],
  ];

  for (const [context, query, examples] of cases) {
    describe(context, () => {
      for (const [title, options, expected] of examples) {
        it(title, async () => {
          expect(await answer(options ? `${query}&${options}` : query)).toEqual(expected);
        });
      }
    });
  }

  describe('when there are 2 applications versions that each have a contract with the other', () => {
    beforeEach(async () => {
      await pactBetween(broker, 'Bar', '2', 'Foo');
      await verification(broker, 'Bar', '2', 'Foo', '1');
    });
    const both = selectors({ Bar: '2', Foo: '1' });

    it('returns an integration for each direction', async () => {
      expect(await answer(both)).toEqual({ rows: ['Bar2 Foo1 n1', 'Foo1 Bar2 n1'], deployable: true });
    });

    describe('when inferring other integrations', () => {
      it('returns an integrationfor each direction, and all the other integrations', async () => {
        expect(await answer(`${both}&${infer}`)).toEqual({
          rows: ['Bar2 Foo1 n1', 'Foo1 Bar2 n1', 'Foo1 Frog? n?', 'Waffle3 Bar2 n1'],
          deployable: null,
        });
      });
    });
  });
});
