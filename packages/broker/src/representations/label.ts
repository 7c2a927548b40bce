import type { Label } from '../db/labels-repository.ts';
import { link, seg, type Urls } from '../hal.ts';

export const labelUrl = (urls: Urls, pacticipant: string, label: string) =>
  `${urls.pacticipant(pacticipant)}/labels/${seg(label)}`;

/** One label of one pacticipant. */
export function labelResource(urls: Urls, pacticipant: string, label: Label) {
  return {
    name: label.name,
    createdAt: label.createdAt,
    updatedAt: label.updatedAt,
    _links: {
      self: link(labelUrl(urls, pacticipant, label.name), { title: 'Label', name: label.name }),
      pacticipant: link(urls.pacticipant(pacticipant), { title: 'Pacticipant', name: pacticipant }),
    },
  };
}

/** The label names in use (`GET /labels`), each once. */
export function labelsResource(urls: Urls, names: string[], page: { page: unknown; links: Record<string, unknown> }) {
  return {
    _embedded: {
      labels: names.map((name) => ({
        name,
        _links: { 'pb:pacticipants': link(`${urls.base}/pacticipants/label/${seg(name)}`, { title: name }) },
      })),
    },
    ...(page.page !== undefined ? { page: page.page } : {}),
    _links: { self: link(`${urls.base}/labels`, { title: 'Labels' }), ...page.links },
  };
}
