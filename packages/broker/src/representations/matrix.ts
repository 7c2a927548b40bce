import { sql } from 'kysely';
import type { Repositories } from '../db/repositories.ts';
import { link, type Urls } from '../hal.ts';
import type { MatrixResult } from '../matrix/matrix.ts';

/** The matrix document: summary, notices and one entry per row, with each version's branches, tags and environments. */
export async function matrixResource(repos: Repositories, urls: Urls, result: MatrixResult) {
  const versionIds = [
    ...new Set(
      result.rows.flatMap((r) =>
        r.providerVersionId === null ? [r.consumerVersionId] : [r.consumerVersionId, r.providerVersionId],
      ),
    ),
  ];
  const tags = await repos.tags.forVersions(versionIds);
  const branches = await repos.branches.forVersions(versionIds);
  const environments = new Map<number, { name: string; uuid: string }[]>();
  if (versionIds.length > 0) {
    const list = sql.join(versionIds);
    const { rows } = await sql<{ version_id: number; name: string; uuid: string }>`
      select d.version_id, e.name, e.uuid from deployed_versions d join environments e on e.id = d.environment_id
      where d.version_id in (${list}) and d.currently_deployed = 1
      union
      select r.version_id, e.name, e.uuid from released_versions r join environments e on e.id = r.environment_id
      where r.version_id in (${list}) and r.currently_supported = 1`.execute(repos.db);
    for (const row of rows) {
      const forVersion = environments.get(row.version_id) ?? [];
      forVersion.push({ name: row.name, uuid: row.uuid });
      environments.set(row.version_id, forVersion);
    }
  }

  const version = (pacticipant: string, id: number, number: string) => {
    const versionBranches = branches.get(id) ?? [];
    return {
      number,
      branch: versionBranches[versionBranches.length - 1]?.branchName ?? null,
      branches: versionBranches.map((b) => ({ name: b.branchName })),
      branchVersions: versionBranches.map((b) => ({
        name: b.branchName,
        _links: { self: link(urls.branchVersion(pacticipant, b.branchName, number)) },
      })),
      environments: (environments.get(id) ?? []).map((e) => ({
        uuid: e.uuid,
        name: e.name,
        _links: { self: link(urls.environment(e.uuid)) },
      })),
      tags: (tags.get(id) ?? []).map((t) => ({
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
