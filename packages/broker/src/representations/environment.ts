import type { DeployedVersion, ReleasedVersion } from '../db/deployments-repository.ts';
import type { Environment } from '../db/environments-repository.ts';
import { link, type Urls } from '../hal.ts';

export function environmentResource(urls: Urls, environment: Environment) {
  return {
    uuid: environment.uuid,
    name: environment.name,
    displayName: environment.displayName ?? environment.name,
    production: environment.production,
    ...(environment.contacts ? { contacts: environment.contacts } : {}),
    createdAt: environment.createdAt,
    updatedAt: environment.updatedAt,
    _links: {
      self: link(urls.environment(environment.uuid), { title: 'Environment', name: environment.name }),
      'pb:currently-deployed-deployed-versions': link(urls.currentlyDeployed(environment.uuid), {
        title: 'Versions currently deployed to this environment',
      }),
      'pb:currently-supported-released-versions': link(urls.currentlySupported(environment.uuid), {
        title: 'Versions released and supported in this environment',
      }),
      'pb:environments': link(urls.environments(), { title: 'Environments' }),
    },
  };
}

export function environmentsCollection(urls: Urls, environments: Environment[]) {
  return {
    _embedded: { environments: environments.map((e) => environmentResource(urls, e)) },
    _links: {
      self: link(urls.environments(), { title: 'Environments' }),
      'pb:environments': environments.map((e) =>
        link(urls.environment(e.uuid), { title: 'Environment', name: e.name }),
      ),
    },
  };
}

function embeddedVersion(urls: Urls, pacticipant: string, number: string) {
  return { number, _links: { self: link(urls.version(pacticipant, number), { title: 'Version', name: number }) } };
}

function embeddedEnvironment(urls: Urls, uuid: string, name: string) {
  return { uuid, name, _links: { self: link(urls.environment(uuid), { title: 'Environment', name }) } };
}

export function deployedVersionResource(urls: Urls, deployed: DeployedVersion) {
  return {
    uuid: deployed.uuid,
    currentlyDeployed: deployed.currentlyDeployed,
    // Like the real broker, no instance means neither member (the deprecated `target` is the same value).
    ...(deployed.applicationInstance !== null
      ? { applicationInstance: deployed.applicationInstance, target: deployed.applicationInstance }
      : {}),
    createdAt: deployed.createdAt,
    undeployedAt: deployed.undeployedAt,
    _embedded: {
      pacticipant: {
        name: deployed.pacticipantName,
        _links: { self: link(urls.pacticipant(deployed.pacticipantName)) },
      },
      version: embeddedVersion(urls, deployed.pacticipantName, deployed.versionNumber),
      environment: embeddedEnvironment(urls, deployed.environmentUuid, deployed.environmentName),
    },
    _links: {
      self: link(urls.deployedVersion(deployed.uuid), { title: 'Deployed version' }),
      'pb:version': link(urls.version(deployed.pacticipantName, deployed.versionNumber), {
        name: deployed.versionNumber,
      }),
      'pb:environment': link(urls.environment(deployed.environmentUuid), { name: deployed.environmentName }),
    },
  };
}

export function releasedVersionResource(urls: Urls, released: ReleasedVersion) {
  return {
    uuid: released.uuid,
    currentlySupported: released.currentlySupported,
    createdAt: released.createdAt,
    supportEndedAt: released.supportEndedAt,
    _embedded: {
      pacticipant: {
        name: released.pacticipantName,
        _links: { self: link(urls.pacticipant(released.pacticipantName)) },
      },
      version: embeddedVersion(urls, released.pacticipantName, released.versionNumber),
      environment: embeddedEnvironment(urls, released.environmentUuid, released.environmentName),
    },
    _links: {
      self: link(urls.releasedVersion(released.uuid), { title: 'Released version' }),
      'pb:version': link(urls.version(released.pacticipantName, released.versionNumber), {
        name: released.versionNumber,
      }),
      'pb:environment': link(urls.environment(released.environmentUuid), { name: released.environmentName }),
    },
  };
}
