import type { Integration } from '../db/integrations-repository.ts';
import { link, seg, type Urls } from '../hal.ts';

export const integrationUrl = (urls: Urls, provider: string, consumer: string) =>
  `${urls.base}/integrations/provider/${seg(provider)}/consumer/${seg(consumer)}`;

export function integrationResource(urls: Urls, i: Integration) {
  const { consumerName: c, providerName: p } = i;
  return {
    consumer: { name: c, _links: { self: link(urls.pacticipant(c), { name: c }) } },
    provider: { name: p, _links: { self: link(urls.pacticipant(p), { name: p }) } },
    createdAt: i.createdAt,
    _links: {
      'pb:matrix': link(`${urls.base}/matrix/provider/${seg(p)}/consumer/${seg(c)}`, {
        title: `Matrix of pacts/verification results for ${c} and ${p}`,
      }),
      'pb:latest-pact': link(urls.latestPact(p, c), { title: `Latest pact between ${c} and ${p}` }),
      'pb:delete-integration': link(integrationUrl(urls, p, c), {
        title: `Delete the integration between ${c} and ${p}`,
      }),
    },
  };
}

/** A Graphviz node name: plain names as they are (spaces as `_`, like the real broker), anything else quoted. */
function dotName(name: string): string {
  const plain = name.replace(/ /g, '_');
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(plain) ? plain : `"${name.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** The network as a Graphviz `digraph`, one `consumer -> provider` edge per integration. */
export function integrationsDot(integrations: Integration[]): string {
  const edges = integrations.map((i) => `  ${dotName(i.consumerName)} -> ${dotName(i.providerName)}`);
  return `digraph { ranksep=3; ratio=auto; overlap=false; node [ shape = plaintext, fontname = Helvetica ];\n${edges.join('\n')}\n}\n`;
}
