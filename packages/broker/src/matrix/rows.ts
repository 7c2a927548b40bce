export type { MatrixRow, Party, VersionRef, VersionSet } from '../db/matrix-repository.ts';

import type { MatrixRow } from '../db/matrix-repository.ts';

/**
 * `cvpv`: the latest verification per consumer version and provider version (re-verifications collapse).
 * `cvp`: the latest verification per consumer version and provider. Unverified rows stay only where nothing else
 * exists for their key. No mode keeps every row.
 */
export function applyLatestBy(rows: MatrixRow[], mode: 'cvp' | 'cvpv' | undefined): MatrixRow[] {
  if (mode === undefined) return rows;
  const best = new Map<string, MatrixRow>();
  for (const row of rows) {
    const key =
      mode === 'cvpv'
        ? `${row.consumerVersionId}:${row.providerId}:${row.providerVersionId ?? '-'}`
        : `${row.consumerVersionId}:${row.providerId}`;
    const current = best.get(key);
    if (!current || (row.verificationId ?? 0) > (current.verificationId ?? 0)) best.set(key, row);
  }
  return [...best.values()];
}
