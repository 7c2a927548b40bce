import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningBroker, startBroker } from '../../src/start.ts';
import { pact, publishBody } from '../helpers/broker.ts';

const NAMES = [
  'версия-1',
  '版本二',
  'emoji 😀🚀',
  'combining é and é',
  'עברית',
  'with space',
  '100%',
  'feat/slash',
  'ÿ-latin1',
  '😀'.repeat(200),
];

async function call(broker: RunningBroker, method: string, path: string, body?: unknown) {
  const response = await fetch(`${broker.url}${path}`, {
    method,
    headers: { accept: 'application/hal+json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === '' ? undefined : JSON.parse(text) };
}

const local = (href: string) => {
  const url = new URL(href);
  return `${url.pathname}${url.search}`;
};

/**
 * A version or name outside Latin-1 used to publish fine and then never be readable: the pact answer put the
 * version in `X-Pact-Consumer-Version` and Node refused the header (500 ERR_INVALID_CHAR, internals in the body).
 */
describe('Unicode names and versions, end to end over HTTP', () => {
  let broker: RunningBroker;
  beforeAll(async () => {
    broker = await startBroker();
  });
  afterAll(() => broker.close());

  it.each(
    NAMES.map((name, i) => [name.length > 20 ? `${name.slice(0, 8)}… (${name.length} units)` : name, i] as const),
  )('publishes, fetches, verifies and can-i-deploys %s', async (_label, index) => {
    const name = NAMES[index] as string;
    const consumer = name.length > 100 ? name : `C ${name}`;
    const provider = `P ${index}`;
    const version = name;
    const published = await call(broker, 'POST', '/contracts/publish', {
      ...publishBody({ consumer, version, provider, branch: name, tags: [name] }),
    });
    expect(published.status, JSON.stringify(published.body)).toBe(200);

    const e = encodeURIComponent;
    const fetched = await call(
      broker,
      'GET',
      `/pacts/provider/${e(provider)}/consumer/${e(consumer)}/version/${e(version)}`,
    );
    expect(fetched.status).toBe(200);
    expect(fetched.body.consumer.name).toBe(consumer);
    const header = fetched.headers.get('x-pact-consumer-version') ?? '';
    expect(header).toMatch(/^[\x20-\x7e]*$/);
    expect(decodeURIComponent(header)).toBe(version);

    const selection = await call(broker, 'POST', `/pacts/provider/${e(provider)}/for-verification`, {
      consumerVersionSelectors: [{ branch: name }],
    });
    expect(selection.status).toBe(200);
    const pactHref = selection.body._embedded.pacts[0]._links.self.href as string;
    const pactForVerification = await call(broker, 'GET', local(pactHref));
    expect(pactForVerification.status).toBe(200);
    const result = await call(
      broker,
      'POST',
      local(pactForVerification.body._links['pb:publish-verification-results'].href),
      {
        success: true,
        providerApplicationVersion: name,
      },
    );
    expect(result.status).toBe(201);
    for (const rel of ['self', 'pb:provider-version', 'pb:pact-version']) {
      expect((await call(broker, 'GET', local(result.body._links[rel].href))).status, rel).toBe(200);
    }

    const matrix = await call(
      broker,
      'GET',
      `/matrix?q[][pacticipant]=${e(consumer)}&q[][version]=${e(version)}&q[][pacticipant]=${e(provider)}&q[][version]=${e(name)}&latestby=cvpv`,
    );
    expect(matrix.status).toBe(200);
    expect(matrix.body.summary.deployable).toBe(true);
    const links = fetched.body._links;
    for (const rel of [
      'pb:consumer',
      'pb:consumer-version',
      'pb:provider',
      'pb:matrix-for-consumer-version',
      'pb:latest-pact-version',
    ]) {
      expect((await call(broker, 'GET', local(links[rel].href))).status, rel).toBe(200);
    }
    const tagged = await call(broker, 'GET', `/pacticipants/${e(consumer)}/latest-version/${e(name)}`);
    expect(tagged.status).toBe(200);
  });

  it('fetches a pact published through the legacy PUT with a Unicode version', async () => {
    const put = await call(
      broker,
      'PUT',
      `/pacts/provider/Bar/consumer/Foo/version/${encodeURIComponent('версия-2')}`,
      pact('Foo', 'Bar'),
    );
    expect(put.status).toBe(201);
    expect(put.headers.get('x-pact-consumer-version')).toBe(encodeURIComponent('версия-2'));
  });
});
