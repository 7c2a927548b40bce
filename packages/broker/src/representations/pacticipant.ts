import type { PacticipantRow, VersionRow } from '../db/schema.ts';
import { link, templated, type Urls } from '../hal.ts';

export function versionSummary(urls: Urls, pacticipant: string, version: VersionRow) {
  return {
    number: version.number,
    createdAt: version.created_at,
    _links: { self: link(urls.version(pacticipant, version.number), { title: 'Version', name: version.number }) },
  };
}

export function pacticipantResource(urls: Urls, pacticipant: PacticipantRow, latestVersion?: VersionRow) {
  const self = urls.pacticipant(pacticipant.name);
  const latest = latestVersion ? versionSummary(urls, pacticipant.name, latestVersion) : undefined;
  return {
    name: pacticipant.name,
    displayName: pacticipant.display_name ?? pacticipant.name,
    repositoryUrl: pacticipant.repository_url,
    repositoryName: pacticipant.repository_name,
    repositoryNamespace: pacticipant.repository_namespace,
    mainBranch: pacticipant.main_branch,
    createdAt: pacticipant.created_at,
    updatedAt: pacticipant.updated_at,
    ...(latest ? { _embedded: { latestVersion: latest, 'latest-version': latest } } : {}),
    _links: {
      self: link(self, { title: 'Pacticipant', name: pacticipant.name }),
      'pb:versions': link(urls.versions(pacticipant.name), { title: 'Versions' }),
      versions: link(urls.versions(pacticipant.name), { title: 'Versions' }),
      'pb:version': templated(`${self}/versions/{version}`, 'Get, create or delete a pacticipant version'),
      'pb:version-tag': templated(`${self}/versions/{version}/tags/{tag}`, 'Get, create or delete a tag for a version'),
      'pb:branch-version': templated(
        `${self}/branches/{branch}/versions/{version}`,
        'Get or add/create a version for a branch',
      ),
      'pb:branches': link(urls.branches(pacticipant.name), { title: 'Branches' }),
      'pb:latest-version': link(urls.latestVersion(pacticipant.name), { title: 'Latest version' }),
      'pb:latest-tagged-version': templated(`${self}/latest-version/{tag}`, 'Latest version with the specified tag'),
      'pb:environments': link(urls.environments(), { title: 'Environments' }),
    },
  };
}

export function pacticipantsCollection(urls: Urls, items: { pacticipant: PacticipantRow; latest?: VersionRow }[]) {
  const resources = items.map(({ pacticipant, latest }) => pacticipantResource(urls, pacticipant, latest));
  return {
    _embedded: { pacticipants: resources },
    pacticipants: resources,
    _links: {
      self: link(urls.pacticipants()),
      'pb:pacticipants': items.map(({ pacticipant }) =>
        link(urls.pacticipant(pacticipant.name), { title: pacticipant.name, name: pacticipant.name }),
      ),
      pacticipants: items.map(({ pacticipant }) =>
        link(urls.pacticipant(pacticipant.name), { title: pacticipant.name, name: pacticipant.name }),
      ),
    },
  };
}
