import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ContractKitErrorCodes } from '../errors.ts';
import { diffPacts } from './diff-pacts.ts';
import type { Impact } from './types.ts';

/** Each fixture is the project's own pact (base.json) with one kind of change. */
const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`../../test/fixtures/diff/${name}.json`, import.meta.url)), 'utf8'));

const base = fixture('base');
const batch = 'a batch lookup of users by id';
const active = 'a request for an active user';
const missing = 'a request for a user that does not exist';

type Row = [interaction: string, kind: string, part: string, area: string, field: string, impact: Impact];

function rows(name: string): { impact: Impact; rows: Row[] } {
  const diff = diffPacts(base, fixture(name));
  return {
    impact: diff.impact,
    rows: diff.interactions
      .filter((i) => i.change !== 'unchanged')
      .flatMap((i): Row[] =>
        i.changes.length > 0
          ? i.changes.map((c): Row => [i.description, c.kind, c.part, c.area, c.field, c.impact])
          : [[i.description, i.change, 'interaction', '', '', i.impact]],
      ),
  };
}

const cases: [name: string, impact: Impact, rows: Row[]][] = [
  [
    'interaction-added',
    'breaking',
    [['a request for an active user with its orders', 'added', 'interaction', '', '', 'breaking']],
  ],
  [
    'interaction-removed',
    'relaxing',
    [['a request for a suspended user', 'removed', 'interaction', '', '', 'relaxing']],
  ],
  ['field-added', 'breaking', [[batch, 'added', 'response', 'body', '$.items[*].email', 'breaking']]],
  ['field-removed', 'relaxing', [[active, 'removed', 'response', 'body', '$.address', 'relaxing']]],
  ['type-changed', 'breaking', [[active, 'type-changed', 'response', 'body', '$.id', 'breaking']]],
  ['matcher-loosened', 'relaxing', [[batch, 'matcher-changed', 'response', 'body', '$.items[*].id', 'relaxing']]],
  ['matcher-tightened', 'breaking', [[batch, 'matcher-changed', 'response', 'body', '$.items[*].name', 'breaking']]],
  ['array-min-raised', 'breaking', [[batch, 'matcher-changed', 'response', 'body', '$.items', 'breaking']]],
  [
    'example-changed-under-matcher',
    'neutral',
    [[batch, 'example-changed', 'response', 'body', '$.items[*].name', 'neutral']],
  ],
  [
    'example-changed-without-matcher',
    'breaking',
    [[missing, 'example-changed', 'response', 'body', '$.code', 'breaking']],
  ],
  ['status-changed', 'breaking', [[missing, 'status-changed', 'response', 'status', '', 'breaking']]],
  ['response-header-added', 'breaking', [[active, 'added', 'response', 'header', 'Cache-Control', 'breaking']]],
  ['response-header-removed', 'relaxing', [[active, 'removed', 'response', 'header', 'Content-Type', 'relaxing']]],
  ['content-type-changed', 'breaking', [[active, 'content-type-changed', 'response', 'content-type', '', 'breaking']]],
  ['request-header-added', 'neutral', [[active, 'added', 'request', 'header', 'X-Request-Id', 'neutral']]],
  ['request-query-removed', 'breaking', [[batch, 'removed', 'request', 'query', 'limit', 'breaking']]],
  ['request-matcher-changed', 'neutral', [[batch, 'matcher-changed', 'request', 'query', 'ids', 'neutral']]],
  ['method-changed', 'breaking', [[active, 'method-changed', 'request', 'method', '', 'breaking']]],
  ['path-changed', 'breaking', [[active, 'path-changed', 'request', 'path', '', 'breaking']]],
  ['path-id-changed', 'neutral', [[active, 'path-changed', 'request', 'path', '', 'neutral']]],
  [
    'state-params-changed',
    'neutral',
    [['a request for a suspended user', 'state-params-changed', 'interaction', 'state', 'a user exists', 'neutral']],
  ],
  [
    'review-example',
    'breaking',
    [
      [batch, 'matcher-changed', 'response', 'body', '$.items[*].id', 'relaxing'],
      [batch, 'added', 'response', 'body', '$.items[*].email', 'breaking'],
      [missing, 'status-changed', 'response', 'status', '', 'breaking'],
      [active, 'removed', 'response', 'body', '$.address', 'relaxing'],
    ],
  ],
];

describe('diffPacts on the project pact', () => {
  it('finds nothing between a pact and itself', () => {
    const diff = diffPacts(base, structuredClone(base));
    expect(diff.impact).toBe('neutral');
    expect(diff.summary).toEqual({
      added: 0,
      removed: 0,
      changed: 0,
      unchanged: 9,
      breaking: 0,
      relaxing: 0,
      neutral: 0,
    });
  });

  it.each(cases)('classifies %s as %s', (name, impact, expected) => {
    expect(rows(name)).toEqual({ impact, rows: expected });
  });

  it('says what a loosened matcher was and became', () => {
    const change = diffPacts(base, fixture('matcher-loosened')).interactions[0]?.changes[0];
    expect(change).toEqual({
      kind: 'matcher-changed',
      part: 'response',
      area: 'body',
      field: '$.items[*].id',
      impact: 'relaxing',
      before: { type: 'number', example: 3, matcher: 'integer' },
      after: { type: 'number', example: 3, matcher: 'type' },
      reason: '$.items[*].id accepts more values than before (integer → type).',
    });
  });

  it('refuses what is not a pact, naming which input', () => {
    expect(() => diffPacts(base, { consumer: { name: 'x' } })).toThrow(
      expect.objectContaining({
        code: ContractKitErrorCodes.pactInputInvalid,
        message: expect.stringMatching(/^The new pact is not a pact/),
      }),
    );
  });
});
