import { link, type Urls } from '../hal.ts';
import type { MatrixResult } from '../matrix/matrix.ts';

/**
 * The matrix document: summary, notices and one entry per row, with each version's branches, tags and environments.
 * Built from the computed matrix alone (its `versions`), without another query.
 */
export function matrixResource(urls: Urls, result: MatrixResult) {
  const version = (pacticipant: string, id: number, number: string) => {
    const details = result.versions.get(id);
    const versionBranches = details?.branches ?? [];
    return {
      number,
      branch: versionBranches[versionBranches.length - 1]?.branchName ?? null,
      branches: versionBranches.map((b) => ({ name: b.branchName })),
      branchVersions: versionBranches.map((b) => ({
        name: b.branchName,
        _links: { self: link(urls.branchVersion(pacticipant, b.branchName, number)) },
      })),
      environments: (details?.environments ?? []).map((e) => ({
        uuid: e.uuid,
        name: e.name,
        _links: { self: link(urls.environment(e.uuid)) },
      })),
      tags: (details?.tags ?? []).map((t) => ({
        name: t.name,
        _links: { self: link(urls.tag(pacticipant, number, t.name)) },
      })),
      _links: { self: link(urls.version(pacticipant, number)) },
    };
  };

  return {
    summary: result.summary,
    notices: result.notices,
    matrix: result.rows.map((r) => ({
      consumer: {
        name: r.consumerName,
        _links: { self: link(urls.pacticipant(r.consumerName)) },
        version: version(r.consumerName, r.consumerVersionId, r.consumerVersionNumber),
      },
      provider: {
        name: r.providerName,
        _links: { self: link(urls.pacticipant(r.providerName)) },
        version:
          r.providerVersionId === null || r.providerVersionNumber === null
            ? null
            : version(r.providerName, r.providerVersionId, r.providerVersionNumber),
      },
      pact: {
        createdAt: r.pactCreatedAt,
        _links: { self: link(urls.pact(r.providerName, r.consumerName, r.consumerVersionNumber)) },
      },
      verificationResult:
        r.verificationNumber === null
          ? null
          : {
              success: r.success,
              verifiedAt: r.verifiedAt,
              _links: {
                self: link(urls.verificationResult(r.providerName, r.consumerName, r.sha, r.verificationNumber)),
              },
            },
      ...(r.ignored ? { ignored: true } : {}),
    })),
  };
}
