import type { ProviderContext } from '../db/pending-status.ts';
import { link, type Urls } from '../hal.ts';
import { encodeMetadata } from '../pacts/metadata.ts';
import { shortDescription, verificationNotices } from '../selectors/notices.ts';
import type { ForVerificationRequest } from '../selectors/request.ts';
import type { SelectedPact } from '../selectors/select-pacts.ts';

function metadataFor(pact: SelectedPact, includePendingStatus: boolean): string {
  if (pact.wip) return encodeMetadata({ wip: true });
  return encodeMetadata({
    wip: false,
    selectors: pact.selections.map((s) => ({
      cv: s.publication.consumerVersionId,
      ...(s.branch !== undefined ? { b: s.branch } : {}),
      ...(s.tag !== undefined ? { t: s.tag } : {}),
      ...(s.latest ? { l: true } : {}),
      ...(s.environment !== undefined ? { e: s.environment } : {}),
    })),
    ...(includePendingStatus && pact.pending ? { pending: pact.pending.pending } : {}),
  });
}

function consumerVersions(pact: SelectedPact): string {
  const numbers = [
    ...new Set(
      (pact.wip ? pact.wipHeads.map((h) => h.publication) : pact.selections.map((s) => s.publication)).map(
        (p) => p.consumerVersionNumber,
      ),
    ),
  ];
  return numbers.join(', ');
}

/** The GET form is the beta API that the real broker still answers, with this warning first. */
const DEPRECATED_GET_NOTICE = {
  when: 'before_verification',
  text:
    'WARNING - this version of the Pact library uses a beta version of the pacts-for-verification API (GET), ' +
    'which may be removed in future. Upgrade the Pact library to one that POSTs the selection.',
};

export function pactsForVerificationResource(
  urls: Urls,
  providerName: string,
  pacts: SelectedPact[],
  request: ForVerificationRequest,
  ctx: ProviderContext,
  options: { deprecatedGet?: boolean } = {},
) {
  return {
    _embedded: {
      pacts: pacts.map((pact) => {
        const href = urls.pactVersion(
          providerName,
          pact.consumerName,
          pact.sha,
          metadataFor(pact, request.includePendingStatus),
        );
        const properties: Record<string, unknown> = {};
        if (request.includePendingStatus || pact.wip) properties.pending = pact.pending?.pending ?? false;
        if (pact.wip) properties.wip = true;
        properties.notices = [
          ...(options.deprecatedGet ? [DEPRECATED_GET_NOTICE] : []),
          ...verificationNotices(pact, href, ctx, request.includePendingStatus),
        ];
        return {
          shortDescription: shortDescription(pact),
          verificationProperties: properties,
          _links: {
            self: link(href, {
              name: `Pact between ${pact.consumerName} (${consumerVersions(pact)}) and ${providerName}`,
            }),
          },
        };
      }),
    },
    _links: { self: link(urls.forVerification(providerName), { title: 'Pacts to be verified' }) },
  };
}
