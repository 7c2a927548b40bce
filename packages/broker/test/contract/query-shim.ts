import type { IncomingMessage } from 'node:http';

/**
 * The official V2 client pact stores matrix queries with keys sorted alphabetically (`q[][pacticipant]=Foo&
 * q[][pacticipant]=Bar&q[][version]=1.2.3&q[][version]=4.5.6`), which Rack — and this broker — group into the
 * wrong selectors. Real clients send each selector's parameters together. Like the real broker's own
 * verification (`hal_relation_proxy_app.rb`), the replay puts each recorded query back into per-selector order.
 */
const REPLACEMENTS: [recorded: string, sent: string][] = [
  [
    'latestby=cvpv&q[][pacticipant]=Foo+Thing&q[][pacticipant]=Bar&q[][version]=1%2e2%2e3&q[][version]=4%2e5%2e6',
    'q[][pacticipant]=Foo+Thing&q[][version]=1.2.3&q[][pacticipant]=Bar&q[][version]=4.5.6&latestby=cvpv',
  ],
  [
    'latestby=cvpv&q[][pacticipant]=Foo&q[][pacticipant]=Bar&q[][version]=1%2e2%2e3&q[][version]=4%2e5%2e6',
    'q[][pacticipant]=Foo&q[][version]=1.2.3&q[][pacticipant]=Bar&q[][version]=4.5.6&latestby=cvpv',
  ],
  [
    'latestby=cvpv&q[][latest]=true&q[][pacticipant]=Foo&q[][pacticipant]=Bar&q[][tag]=prod&q[][version]=1%2e2%2e3',
    'q[][pacticipant]=Foo&q[][version]=1.2.3&q[][pacticipant]=Bar&q[][latest]=true&q[][tag]=prod&latestby=cvpv',
  ],
  [
    'latestby=cvpv&q[][latest]=true&q[][pacticipant]=Foo&q[][pacticipant]=Bar&q[][version]=1%2e2%2e4',
    'q[][pacticipant]=Foo&q[][version]=1.2.4&q[][pacticipant]=Bar&q[][latest]=true&latestby=cvpv',
  ],
  [
    'latestby=cvpv&q[][pacticipant]=Wiffle&q[][pacticipant]=Meep&q[][version]=1%2e2%2e3&q[][version]=9%2e9%2e9',
    'q[][pacticipant]=Wiffle&q[][version]=1.2.3&q[][pacticipant]=Meep&q[][version]=9.9.9&latestby=cvpv',
  ],
  [
    'latestby=cvpv&q[][pacticipant]=Foo&q[][pacticipant]=Bar&q[][version]=1%2e2%2e3&q[][version]=9%2e9%2e9',
    'q[][pacticipant]=Foo&q[][version]=1.2.3&q[][pacticipant]=Bar&q[][version]=9.9.9&latestby=cvpv',
  ],
  [
    'ignore[][pacticipant]=Foo&ignore[][version]=3%2e4%2e5&latestby=cvpv&q[][pacticipant]=Bar&q[][pacticipant]=Foo&q[][tag]=prod&q[][version]=4%2e5%2e6',
    'q[][pacticipant]=Bar&q[][version]=4.5.6&q[][pacticipant]=Foo&q[][tag]=prod&ignore[][pacticipant]=Foo&ignore[][version]=3.4.5&latestby=cvpv',
  ],
];

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** The query's parameters, order-free: the verifier may send them in any order. */
function canonical(query: string): string {
  return query
    .split('&')
    .filter((pair) => pair !== '')
    .map(decode)
    .sort()
    .join('&');
}

const byCanonical = new Map(REPLACEMENTS.map(([recorded, sent]) => [canonical(recorded), sent]));

/** Rewrites `req.url` in place when it carries one of the recorded matrix queries. */
export function regroupMatrixQuery(req: IncomingMessage): void {
  const url = req.url ?? '';
  const [path, query = ''] = url.split('?', 2);
  if (path !== '/matrix') return;
  const replacement = byCanonical.get(canonical(query));
  if (replacement !== undefined) req.url = `${path}?${replacement}`;
}
