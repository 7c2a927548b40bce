import type { BranchVersionRef } from '../db/branches-repository.ts';
import type { DeployedVersion, ReleasedVersion } from '../db/deployments-repository.ts';
import type { Environment } from '../db/environments-repository.ts';
import type { Publication } from '../db/pacts-repository.ts';
import type { VersionRow } from '../db/schema.ts';
import type { TagRow } from '../db/tags-repository.ts';
import { link, templated, type Urls } from '../hal.ts';

export interface VersionDetails {
  tags: TagRow[];
  branches: BranchVersionRef[];
  publications?: Publication[];
  environments?: Environment[];
  /** Every deployment and release of the version, current or not (the links say which). */
  deployed?: DeployedVersion[];
  released?: ReleasedVersion[];
  /** The href of `self`: the same version is served at more than one URL (a branch's latest version, say). */
  selfUrl?: string;
}

export function tagResource(urls: Urls, pacticipant: string, version: string, tag: TagRow) {
  return {
    name: tag.name,
    createdAt: tag.createdAt,
    _links: {
      self: link(urls.tag(pacticipant, version, tag.name), { title: 'Tag', name: tag.name }),
      'pb:version': link(urls.version(pacticipant, version), { title: 'Version', name: version }),
      'pb:pacticipant': link(urls.pacticipant(pacticipant), { title: 'Pacticipant', name: pacticipant }),
    },
  };
}

export function branchVersionEntry(urls: Urls, pacticipant: string, version: string, branch: BranchVersionRef) {
  return {
    name: branch.branchName,
    createdAt: branch.createdAt,
    _links: {
      self: link(urls.branchVersion(pacticipant, branch.branchName, version), {
        title: 'Branch version',
        name: branch.branchName,
      }),
      'pb:branch': link(urls.branch(pacticipant, branch.branchName), { title: 'Branch', name: branch.branchName }),
    },
  };
}

export function versionResource(urls: Urls, pacticipant: string, version: VersionRow, details: VersionDetails) {
  const self = urls.version(pacticipant, version.number);
  const deployed = details.deployed ?? [];
  const released = details.released ?? [];
  const environments = details.environments ?? [];
  const latestBranch = details.branches[details.branches.length - 1];
  return {
    number: version.number,
    buildUrl: version.build_url,
    createdAt: version.created_at,
    ...(latestBranch ? { branch: latestBranch.branchName } : {}),
    branches: details.branches.map((b) => b.branchName),
    tags: details.tags.map((t) => ({ name: t.name })),
    _embedded: {
      branchVersions: details.branches.map((b) => branchVersionEntry(urls, pacticipant, version.number, b)),
      tags: details.tags.map((t) => tagResource(urls, pacticipant, version.number, t)),
      ...(details.deployed
        ? {
            deployedVersions: deployed
              .filter((d) => d.currentlyDeployed)
              .map((d) => ({
                uuid: d.uuid,
                currentlyDeployed: d.currentlyDeployed,
                environment: d.environmentName,
                applicationInstance: d.applicationInstance,
                createdAt: d.createdAt,
              })),
          }
        : {}),
      ...(details.released
        ? {
            releasedVersions: released
              .filter((r) => r.currentlySupported)
              .map((r) => ({
                uuid: r.uuid,
                currentlySupported: r.currentlySupported,
                environment: r.environmentName,
                createdAt: r.createdAt,
              })),
          }
        : {}),
    },
    _links: {
      self: link(details.selfUrl ?? self, { title: 'Version', name: version.number }),
      'pb:pacticipant': link(urls.pacticipant(pacticipant), { title: 'Pacticipant', name: pacticipant }),
      'pb:tag': templated(`${self}/tags/{tag}`, 'Get, create or delete a tag for this pacticipant version'),
      'pb:pact-versions': (details.publications ?? []).map((p) =>
        link(urls.pact(p.providerName, p.consumerName, p.consumerVersionNumber), {
          title: 'Pact',
          name: `Pact between ${p.consumerName} (${p.consumerVersionNumber}) and ${p.providerName}`,
        }),
      ),
      'pb:deployed-environments': deployed.map((d) => ({
        ...link(urls.deployedVersion(d.uuid), {
          title: `Version deployed to ${d.environmentDisplayName}`,
          name: d.environmentDisplayName,
        }),
        currentlyDeployed: d.currentlyDeployed,
        ...(d.applicationInstance !== null ? { applicationInstance: d.applicationInstance } : {}),
      })),
      'pb:released-environments': released.map((r) => ({
        ...link(urls.releasedVersion(r.uuid), {
          title: `Version released to ${r.environmentDisplayName}`,
          name: r.environmentDisplayName,
        }),
        currentlySupported: r.currentlySupported,
      })),
      'pb:record-deployment': environments.map((e) =>
        link(urls.recordDeployment(pacticipant, version.number, e.uuid), {
          title: `Record deployment to ${e.displayName ?? e.name}`,
          name: e.name,
        }),
      ),
      'pb:record-release': environments.map((e) =>
        link(urls.recordRelease(pacticipant, version.number, e.uuid), {
          title: `Record release to ${e.displayName ?? e.name}`,
          name: e.name,
        }),
      ),
    },
  };
}
