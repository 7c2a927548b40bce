import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/ui/html.ts';
import { publish, testBroker } from '../helpers/broker.ts';

/** The project's own pact: nine HTTP interactions and four V4 asynchronous messages (the user events). */
const PROJECT_PACT = JSON.parse(
  readFileSync(new URL('../../../../pacts/OrderService-UserService.json', import.meta.url), 'utf8'),
) as { interactions: Record<string, unknown>[] };
const MESSAGES = PROJECT_PACT.interactions.filter((i) => i.type === 'Asynchronous/Messages') as {
  description: string;
  contents: { content: Record<string, unknown>; contentType: string };
  metadata: Record<string, string>;
  providerStates: { name: string; params: Record<string, unknown> }[];
}[];

describe('the pact page with V4 messages', () => {
  let app: FastifyInstance;
  let body: string;
  beforeAll(async () => {
    app = await testBroker();
    await publish(app, { consumer: 'OrderService', version: '1', provider: 'UserService', content: PROJECT_PACT });
    body = (
      await app.inject({
        url: '/ui/pacts/provider/UserService/consumer/OrderService/version/1',
        headers: { accept: 'text/html' },
      })
    ).body;
  });
  afterAll(() => app.close());

  it('the project pact has four messages', () => {
    expect(MESSAGES).toHaveLength(4);
  });

  it.each(MESSAGES.map((m) => [m.description, m] as const))(
    'renders %s: contents, metadata, provider states',
    (_, message) => {
      const id = /<article class="interaction" id="(interaction-\d+)"/g;
      const articles = [...body.matchAll(id)].map((m) => m.index ?? 0);
      const start = body.indexOf(`<span class="desc">${escapeHtml(message.description)}</span>`);
      const end = articles.find((at) => at > start) ?? body.length;
      const article = body.slice(start, end);
      expect(article).toContain(`<section class="message" aria-label="Message ${escapeHtml(message.description)}">`);
      expect(article).toContain('(asynchronous)');
      for (const [name, value] of Object.entries(message.metadata)) {
        expect(article).toContain(`<dt>${escapeHtml(name)}</dt><dd>${escapeHtml(value)}`);
      }
      expect(article).toMatch(/<dt>messageId<\/dt><dd>[^<]*<span class="matcher"[^>]*>regex/);
      expect(article).toContain(`<h5>Contents <span class="muted">(${message.contents.contentType})</span></h5>`);
      for (const key of Object.keys(message.contents.content)) {
        expect(article).toContain(`<span class="key">${escapeHtml(JSON.stringify(key))}</span>`);
      }
      for (const state of message.providerStates) {
        expect(article).toContain(`<span class="state">${escapeHtml(state.name)}</span>`);
        for (const [param, value] of Object.entries(state.params ?? {})) {
          expect(article).toContain(
            `<dt>${escapeHtml(param)}</dt><dd><code>${escapeHtml(JSON.stringify(value))}</code></dd>`,
          );
        }
      }
    },
  );
});
