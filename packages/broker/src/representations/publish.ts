import { link, type Urls } from '../hal.ts';
import type { PublishResult } from '../pacts/publish.ts';
import { pacticipantResource } from './pacticipant.ts';

export function publishResultResource(urls: Urls, result: PublishResult) {
  const p = result.pacticipant.name;
  const v = result.version.number;
  return {
    notices: result.notices,
    logs: result.notices.map((n) => ({
      level: n.type === 'warning' ? 'warn' : n.type === 'success' ? 'info' : n.type,
      message: n.text,
      deprecationWarning: 'Replaced by notices',
    })),
    _embedded: {
      pacticipant: pacticipantResource(urls, result.pacticipant),
      version: {
        number: v,
        buildUrl: result.version.build_url,
        ...(result.branch ? { branch: result.branch } : {}),
        _links: { self: link(urls.version(p, v), { title: 'Version', name: v }) },
      },
    },
    _links: {
      'pb:pacticipant': link(urls.pacticipant(p), { title: 'Pacticipant', name: p }),
      'pb:pacticipant-version': link(urls.version(p, v), { title: 'Pacticipant version', name: v }),
      'pb:pacticipant-version-tags': result.tags.map((t) => link(urls.tag(p, v, t), { title: 'Tag', name: t })),
      'pb:contracts': result.contracts.map((c) =>
        link(urls.pact(c.providerName, c.consumerName, c.versionNumber), {
          title: 'Pact',
          name: `Pact between ${c.consumerName} (${c.versionNumber}) and ${c.providerName}`,
        }),
      ),
    },
  };
}
