import { buildRackQuery, parseRackQuery, type RackHash } from '../matrix/rack-query.ts';

/**
 * What a pact URL from pacts-for-verification remembers about why the pact was selected, so the verification
 * result published back to it can be marked WIP or pending. Encoded like the real broker: a Rack nested query,
 * base64url without padding, in a `/metadata/{m}` path segment.
 */
export interface PactUrlMetadata {
  wip: boolean;
  pending?: boolean;
  /** One entry per selector: consumer version id, then branch, tag, latest and environment where relevant. */
  selectors?: { cv: number; b?: string; t?: string; l?: boolean; e?: string }[];
}

export function encodeMetadata(metadata: PactUrlMetadata): string {
  const params: Record<string, unknown> = metadata.wip
    ? { w: 'true' }
    : {
        s: (metadata.selectors ?? []).map((s) => ({ cv: s.cv, b: s.b, t: s.t, l: s.l, e: s.e })),
        ...(metadata.pending !== undefined ? { p: String(metadata.pending) } : {}),
      };
  return Buffer.from(buildRackQuery(params), 'utf8').toString('base64url');
}

/** Unreadable metadata is treated as none: it only refines how a verification is recorded. */
export function decodeMetadata(segment: string | undefined): PactUrlMetadata {
  if (!segment) return { wip: false };
  let params: RackHash;
  try {
    params = parseRackQuery(Buffer.from(segment, 'base64url').toString('utf8'));
  } catch {
    return { wip: false };
  }
  if (params.w === 'true') return { wip: true, pending: true };
  return {
    wip: false,
    ...(params.p === 'true' || params.p === 'false' ? { pending: params.p === 'true' } : {}),
  };
}

/** The selectors the metadata names (`s[]`), each with its consumer version id (`cv`) and tag (`t`) if any. */
function selectionOf(segment: string | undefined): { cv: number; t?: string }[] {
  if (!segment) return [];
  let params: RackHash;
  try {
    params = parseRackQuery(Buffer.from(segment, 'base64url').toString('utf8'));
  } catch {
    return [];
  }
  const selectors = params.s;
  if (!Array.isArray(selectors)) return [];
  return selectors.flatMap((selector) => {
    if (typeof selector !== 'object' || Array.isArray(selector)) return [];
    const { cv, t } = selector;
    if (typeof cv !== 'string' || !/^\d+$/.test(cv)) return [];
    return [{ cv: Number(cv), ...(typeof t === 'string' && t !== '' ? { t } : {}) }];
  });
}

/**
 * The consumer version ids the metadata's selectors name (`s[][cv]`), so a pact-version URL from
 * pacts-for-verification shows the publication it was selected through, not just the latest with that content.
 */
export function selectedConsumerVersionIds(segment: string | undefined): number[] {
  return selectionOf(segment).map((selector) => selector.cv);
}

/**
 * The tags through which the metadata's selectors chose `consumerVersionId` (`s[][t]`): a verification published
 * to a pact fetched as "the latest tagged dev" tells its webhooks the consumer version's tag dev, not every tag
 * the version has.
 */
export function selectedTags(segment: string | undefined, consumerVersionId: number): string[] {
  return selectionOf(segment).flatMap((selector) =>
    selector.cv === consumerVersionId && selector.t !== undefined ? [selector.t] : [],
  );
}
