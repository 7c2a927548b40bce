import type { FastifyInstance } from 'fastify';
import {
  createEnvironment,
  forVerification,
  path,
  postResult,
  publish,
  recordDeployment,
  verifyPact,
} from './broker.ts';

/** One way can-i-deploy can answer, the question that provokes it, and what the explanation must say. */
export interface DeployScenario {
  title: string;
  query: {
    pacticipant: string;
    version?: string;
    branch?: string;
    mainBranch?: 'true';
    /** The latest version with this tag (`--latest TAG`), which only the matrix takes. */
    tag?: string;
    environment: string;
  };
  code: string;
  deployable: boolean | null;
  /** Words the next step's command must contain. */
  command: string;
}

export const DEPLOY_SCENARIOS: DeployScenario[] = [
  {
    title: 'the provider has no version recorded in the environment',
    query: { pacticipant: 'Web', version: '1', environment: 'production' },
    code: 'NO_VERSION_IN_ENVIRONMENT',
    deployable: null,
    command: 'contract-kit record-deployment --pacticipant Api --version <version> --environment production',
  },
  {
    title: 'the verification was never published',
    query: { pacticipant: 'Shop', version: '1', environment: 'production' },
    code: 'VERIFICATION_NOT_PUBLISHED',
    deployable: null,
    command: '/pacts/provider/Stock/consumer/Shop/version/1 contract-kit verify --provider',
  },
  {
    title: 'the verification failed',
    query: { pacticipant: 'Cart', version: '1', environment: 'production' },
    code: 'VERIFICATION_FAILED',
    deployable: false,
    command: '/pacts/provider/Price/consumer/Cart/version/1 contract-kit verify --provider',
  },
  {
    title: 'the verification failed while the pact was pending',
    query: { pacticipant: 'Mail', version: '1', environment: 'production' },
    code: 'VERIFICATION_FAILED_WHILE_PENDING',
    deployable: false,
    command: '/pacts/provider/Post/consumer/Mail/version/1 contract-kit verify --provider',
  },
  {
    title: 'the version is unknown',
    query: { pacticipant: 'Web', version: '9', environment: 'production' },
    code: 'VERSION_NOT_FOUND',
    deployable: false,
    command: 'contract-kit publish',
  },
  {
    title: 'no version exists on the branch',
    query: { pacticipant: 'Web', branch: 'nope', environment: 'production' },
    code: 'NO_VERSION_ON_BRANCH',
    deployable: false,
    command: 'contract-kit publish',
  },
  {
    title: 'no version has the tag',
    query: { pacticipant: 'Web', tag: 'prod', environment: 'production' },
    code: 'NO_VERSION_WITH_TAG',
    deployable: false,
    command: 'pact-broker create-version-tag --pacticipant Web --version <version> --tag prod',
  },
  {
    title: 'no main branch is configured',
    query: { pacticipant: 'Lone', mainBranch: 'true', environment: 'production' },
    code: 'NO_MAIN_BRANCH',
    deployable: false,
    command: 'pact-broker create-or-update-pacticipant --name Lone --main-branch main',
  },
  {
    title: 'the deployed version of every provider verified the pact',
    query: { pacticipant: 'Shop', version: '2', environment: 'production' },
    code: 'ALL_VERIFIED',
    deployable: true,
    command: '',
  },
];

/** The broker state every scenario above asks about. */
export async function seedDeployScenarios(app: FastifyInstance): Promise<void> {
  const production = await createEnvironment(app, 'production', true);
  await publish(app, { consumer: 'Web', version: '1', branch: 'main', provider: 'Api' });
  await publish(app, { consumer: 'Shop', version: '1', branch: 'main', provider: 'Stock' });
  await publish(app, { consumer: 'Shop', version: '2', branch: 'main', provider: 'Stock', interactions: ['v2'] });
  await publish(app, { consumer: 'Cart', version: '1', branch: 'main', provider: 'Price' });
  await publish(app, { consumer: 'Mail', version: '1', branch: 'main', provider: 'Post' });
  await publish(app, { consumer: 'Lone', version: '1', provider: 'Api' });
  await verifyPact(app, {
    provider: 'Stock',
    consumer: 'Shop',
    consumerVersion: '2',
    providerVersion: '5',
    success: true,
  });
  await recordDeployment(app, 'Stock', '5', production);
  await verifyPact(app, {
    provider: 'Price',
    consumer: 'Cart',
    consumerVersion: '1',
    providerVersion: '7',
    success: false,
  });
  await recordDeployment(app, 'Price', '7', production);
  // Post verifies Mail's pact while it is pending (a new pact from the main branch): the failure is marked so.
  const { body } = await forVerification(app, 'Post', {
    consumerVersionSelectors: [{ mainBranch: true }],
    includePendingStatus: true,
    providerVersionBranch: 'main',
  });
  await postResult(app, path(body._embedded.pacts[0]._links.self.href), { providerVersion: '3', success: false });
  await recordDeployment(app, 'Post', '3', production);
}

/** The page's query string: the form's fields by name. */
export const canIDeployPath = (query: DeployScenario['query']) => `?${new URLSearchParams(query).toString()}`;

/**
 * The broker API's question as the official CLI sends it: `/can-i-deploy` for a version, branch or main branch;
 * `/matrix` for the latest version with a tag, which `/can-i-deploy` does not take (`pact-broker can-i-deploy
 * --latest TAG --to-environment ENV`).
 */
export function canIDeployApiPath(query: DeployScenario['query']): string {
  if (query.tag === undefined) return `/can-i-deploy${canIDeployPath(query)}`;
  const params = new URLSearchParams([
    ['q[][pacticipant]', query.pacticipant],
    ['q[][latest]', 'true'],
    ['q[][tag]', query.tag],
    ['latestby', 'cvp'],
    ['environment', query.environment],
  ]);
  return `/matrix?${params.toString()}`;
}
