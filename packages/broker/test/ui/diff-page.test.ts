import { diffPacts } from 'contract-kit/diff';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrokerErrorCodes } from '../../src/errors.ts';
import { publish, testBroker } from '../helpers/broker.ts';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,*/*;q=0.8';

/** Two versions of one pact: the user's email becomes required and an id turns from a number into a string. */
const user = (idMatcher: 'integer' | 'type', id: unknown, extra: Record<string, unknown>) => ({
  description: 'a request for a user',
  providerStates: [{ name: 'a user exists' }],
  request: { method: 'GET', path: '/users/1' },
  response: {
    status: 200,
    headers: { 'Content-Type': 'application/json' },
    body: { id, name: 'Ada', ...extra },
    matchingRules: { body: { '$.id': { matchers: [{ match: idMatcher }] } } },
  },
});
const v1 = {
  consumer: { name: 'Shop' },
  provider: { name: 'Users' },
  interactions: [
    user('integer', 1, {}),
    { description: 'a health check', request: { method: 'GET', path: '/health' }, response: { status: 200 } },
  ],
  metadata: { pactSpecification: { version: '3.0.0' } },
};
const v2 = {
  ...v1,
  interactions: [
    user('type', 'u-1', { email: 'ada@example.com' }),
    { description: 'a list of users', request: { method: 'GET', path: '/users' }, response: { status: 200 } },
  ],
};

describe('the pact diff page', () => {
  let app: FastifyInstance;
  const get = async (url: string) => {
    const response = await app.inject({ url, headers: { accept: BROWSER_ACCEPT } });
    return { status: response.statusCode, body: response.body };
  };
  const base = '/ui/pacts/provider/Users/consumer/Shop';

  beforeAll(async () => {
    app = await testBroker();
    await publish(app, { consumer: 'Shop', version: '1', provider: 'Users', content: v1 });
    await publish(app, { consumer: 'Shop', version: '2', provider: 'Users', content: v2 });
    await publish(app, { consumer: 'Lone', version: '1', provider: 'Users' });
  });
  afterAll(() => app.close());

  it("shows the kit's diff of the two versions: added, removed and changed interactions, each change's impact", async () => {
    const { status, body } = await get(`${base}/diff?from=1&to=2`);
    expect(status).toBe(200);
    const expected = diffPacts(v1, v2);
    expect(expected.impact).toBe('breaking');
    for (const interaction of expected.interactions.filter((i) => i.change !== 'unchanged')) {
      expect(body).toContain(`data-change="${interaction.change}" data-impact="${interaction.impact}"`);
    }
    const changed = expected.interactions.find((i) => i.change === 'changed');
    const rows = [
      ...body.matchAll(/<tr class="change impact-(\w+)" data-impact="\w+">\s*<th scope="row"><code>([^<]*)<\/code>/g),
    ];
    expect(rows.map(([, impact, where]) => [where, impact])).toEqual(
      changed?.changes.map((c) => [[c.part, c.area, c.field].filter((s) => s !== '').join(' · '), c.impact]),
    );
    expect(rows.some(([, impact]) => impact === 'breaking')).toBe(true);
    expect(body).toContain(
      `${expected.summary.added} added, ${expected.summary.removed} removed, ${expected.summary.changed} changed`,
    );
  });

  it('compares the latest pact with the one before when no versions are picked, and offers both to pick', async () => {
    const { body } = await get(`${base}/diff`);
    expect(body).toContain('From <a href="/ui/pacts/provider/Users/consumer/Shop/version/1">version 1</a>');
    expect(body).toMatch(/<label for="from">Old version<\/label>\s*<select id="from" name="from"><option value="2">/);
    expect(body).toContain('<option value="1" selected>');
    expect((await get(`${base}/diff?to=2`)).body).toContain('>version 1</a> to <a');
  });

  it('says when there is nothing to compare, and 404s an unknown version', async () => {
    expect((await get('/ui/pacts/provider/Users/consumer/Lone/diff')).body).toContain(
      'Lone has published one pact for Users: a comparison needs two.',
    );
    const missing = await app.inject({ url: `${base}/diff?from=1&to=9`, headers: { accept: BROWSER_ACCEPT } });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: BrokerErrorCodes.pactNotFound, statusCode: 404 });
  });

  it('is linked from the pact page and from the integrations of the pacticipant page', async () => {
    expect((await get(`${base}/version/2`)).body).toContain(
      `href="${base}/diff?to=2">Changes since the previous version`,
    );
    expect((await get('/ui/pacticipants/Shop')).body).toContain(`href="${base}/diff"`);
  });
});
