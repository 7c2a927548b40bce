export type { MatrixRow, Party, VersionRef, VersionSet } from '../db/matrix-repository.ts';

import type { MatrixRow } from '../db/matrix-repository.ts';

export type LatestBy = 'cvp' | 'cvpv' | 'cp';

const keyOf: Record<LatestBy, (row: MatrixRow) => string> = {
  cvpv: (row) => `${row.consumerVersionId}:${row.providerId}:${row.providerVersionId ?? '-'}`,
  cvp: (row) => `${row.consumerVersionId}:${row.providerId}`,
  cp: (row) => `${row.consumerId}:${row.providerId}`,
};

/**
 * Whether `row` is later than `current` for latestby. Version ids follow creation order, which is the real
 * broker's version order: the latest consumer version first (only `cp` groups several), then the latest provider
 * version (a later re-verification of an older provider version does not win), then the latest verification.
 * An unverified row is the consumer version's only row for its provider, so it wins when its version is newer.
 */
function isLater(row: MatrixRow, current: MatrixRow): boolean {
  return (
    (row.consumerVersionId - current.consumerVersionId ||
      (row.providerVersionId ?? 0) - (current.providerVersionId ?? 0) ||
      (row.verificationId ?? 0) - (current.verificationId ?? 0)) > 0
  );
}

/**
 * `cvpv`: the latest verification per consumer version and provider version (re-verifications collapse).
 * `cvp`: the row of the latest provider version per consumer version and provider. `cp`: the latest row per
 * consumer and provider. No mode keeps every row.
 */
export function applyLatestBy(rows: MatrixRow[], mode: LatestBy | undefined): MatrixRow[] {
  if (mode === undefined) return rows;
  const best = new Map<string, MatrixRow>();
  for (const row of rows) {
    const key = keyOf[mode](row);
    const current = best.get(key);
    if (!current || isLater(row, current)) best.set(key, row);
  }
  return [...best.values()];
}
