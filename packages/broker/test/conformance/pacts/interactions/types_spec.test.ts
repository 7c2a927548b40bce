import { describe, expect, it } from 'vitest';
import { freshBroker } from '../../support.ts';

/**
 * `has_messages?` is stored with each pact version by the real broker; this broker decides it when it shows a pact,
 * so each example's pact is published and its page in the UI is read: a message is a "Message" section, an HTTP
 * interaction a "Request" one. Every example has its counterpart.
 */
describe('spec/lib/pact_broker/pacts/interactions/types_spec.rb', () => {
  const broker = freshBroker();
  const page = async (content: Record<string, unknown>) => {
    const url = '/pacts/provider/Bar/consumer/Foo/version/1';
    expect(
      (await broker.put(url, { consumer: { name: 'Foo' }, provider: { name: 'Bar' }, ...content })).statusCode,
    ).toBe(201);
    const response = await broker.get(`/ui${url}`, { accept: 'text/html' });
    expect(response.statusCode).toBe(200);
    const html = response.body;
    return {
      messages: html.match(/<section class="message" aria-label="Message ([^"]*)"/g)?.length ?? 0,
      requests: html.match(/<section class="request"/g)?.length ?? 0,
      html,
    };
  };
  const v4 = { metadata: { pactSpecification: { version: '4.0' } } };
  const v3 = { metadata: { pactSpecification: { version: '3.0.0' } } };
  const http = {
    type: 'Synchronous/HTTP',
    description: 'an http request',
    request: { method: 'GET', path: '/foo' },
    response: { status: 200 },
  };

  describe('#has_messages?', () => {
    it("when pact specification version is 4: counts only interactions with type 'Asynchronous/Messages'", async () => {
      const shown = await page({
        ...v4,
        interactions: [
          { type: 'Asynchronous/Messages', description: 'a message', contents: { foo: 'bar' } },
          http,
          { type: 'Asynchronous/Messages', description: 'another message', contents: { baz: 'qux' } },
        ],
      });
      expect(shown.messages).toBe(2);
      expect(shown.requests).toBe(1);
      expect(shown.html).toContain('another message');
    });

    it('when pact specification version is 3: counts messages from the messages array', async () => {
      const shown = await page({
        ...v3,
        messages: [
          { description: 'a message', contents: { foo: 'bar' } },
          { description: 'another message', contents: { baz: 'qux' } },
        ],
      });
      expect(shown.messages).toBe(2);
      expect(shown.requests).toBe(0);
    });

    it('when there are no messages: none shown, only the request', async () => {
      const shown = await page({ ...v4, interactions: [http] });
      expect(shown.messages).toBe(0);
      expect(shown.requests).toBe(1);
    });

    it('when messages array is missing in v3 pact: none shown', async () => {
      const shown = await page({ ...v3, interactions: [] });
      expect(shown.messages).toBe(0);
      expect(shown.requests).toBe(0);
    });
  });
});
