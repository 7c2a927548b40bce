import type { FastifyInstance } from 'fastify';
import { link, templated } from '../hal.ts';
import { halResponse } from './schemas.ts';

/** `GET /`: the HAL index every client starts from. */
export async function indexRoutes(app: FastifyInstance): Promise<void> {
  app.get('/', { schema: { response: { 200: halResponse } } }, async (request) => {
    const base = request.urls.base;
    const pacts = `${base}/pacts/provider/{provider}`;
    const between = `${pacts}/consumer/{consumer}`;
    const pacticipant = `${base}/pacticipants/{pacticipant}`;
    const forVerification = `${pacts}/for-verification`;
    return {
      _links: {
        self: link(`${base}/`, { title: 'Index', templated: false }),
        'pb:publish-pact': templated(`${between}/version/{consumerApplicationVersion}`, 'Publish a pact'),
        'pb:publish-contracts': link(`${base}/contracts/publish`, { title: 'Publish contracts', templated: false }),
        'pb:latest-pact-versions': link(`${base}/pacts/latest`, { title: 'Latest pact versions', templated: false }),
        'pb:tagged-pact-versions': templated(
          `${between}/tag/{tag}`,
          'All versions of a pact for a given consumer, provider and consumer version tag',
        ),
        'pb:branch-pact-versions': templated(
          `${between}/branch/{branch}`,
          'All versions of a pact for a given consumer, provider and consumer version branch',
        ),
        'pb:latest-branch-pact-versions': templated(
          `${between}/branch/{branch}/latest/versions`,
          'Latest version of a pact for a given consumer, provider and consumer version branch',
        ),
        'pb:main-branch-pact-versions': templated(
          `${between}/branch/versions`,
          'All versions of a pact for a given consumer, provider and consumer main branch',
        ),
        'pb:latest-main-branch-pact-versions': templated(
          `${between}/branch/latest/versions`,
          'Latest version of a pact for a given consumer, provider and consumer main branch',
        ),
        'pb:provider-pacts-with-main-branch': templated(
          `${pacts}/branch`,
          'All pact versions for the provider with the consumer main branch',
        ),
        'pb:provider-pacts-with-branch': templated(
          `${pacts}/branch/{branch}`,
          'All pact versions for the provider with the specified consumer branch',
        ),
        'pb:latest-provider-pacts-with-main-branch': templated(
          `${pacts}/branch/latest`,
          'Latest pact versions for the provider with the consumer main branch',
        ),
        'pb:latest-provider-pacts-with-branch': templated(
          `${pacts}/branch/{branch}/latest`,
          'Latest pact versions for the provider with the specified consumer branch',
        ),
        'pb:pacticipants': link(`${base}/pacticipants`, { title: 'Pacticipants', templated: false }),
        'pb:pacticipant': templated(pacticipant, 'Fetch pacticipant by name'),
        'pb:latest-provider-pacts': templated(`${pacts}/latest`, 'Latest pacts by provider'),
        'pb:latest-provider-pacts-with-tag': templated(
          `${pacts}/latest/{tag}`,
          'Latest pacts for provider with the specified tag',
        ),
        'pb:provider-pacts-with-tag': templated(
          `${pacts}/tag/{tag}`,
          'All pact versions for the provider with the specified consumer version tag',
        ),
        'pb:provider-pacts': templated(pacts, 'All pact versions for the specified provider'),
        'pb:latest-version': templated(`${pacticipant}/latest-version`, 'Latest pacticipant version'),
        'pb:latest-tagged-version': templated(
          `${pacticipant}/latest-version/{tag}`,
          'Latest pacticipant version with the specified tag',
        ),
        'pb:webhooks': link(`${base}/webhooks`, { title: 'Webhooks', templated: false }),
        'pb:webhook': templated(`${base}/webhooks/{uuid}`, 'Webhook'),
        'pb:pacticipant-version-tag': templated(
          `${pacticipant}/versions/{version}/tags/{tag}`,
          'Get, create or delete a tag for a pacticipant version',
        ),
        'pb:pacticipant-branch': templated(`${pacticipant}/branches/{branch}`, 'Get or delete a pacticipant branch'),
        'pb:pacticipant-branch-version': templated(
          `${pacticipant}/branches/{branch}/versions/{version}`,
          'Get or add/create a pacticipant version for a branch',
        ),
        'pb:pacticipant-version': templated(
          `${pacticipant}/versions/{version}`,
          'Get, create or delete a pacticipant version',
        ),
        'pb:can-i-deploy-pacticipant-version-to-tag': templated(
          `${base}/can-i-deploy?pacticipant={pacticipant}&version={version}&to={tag}`,
          'Determine if an application version can be safely deployed to an environment identified by the given tag',
        ),
        'pb:can-i-deploy-pacticipant-version-to-environment': templated(
          `${base}/can-i-deploy?pacticipant={pacticipant}&version={version}&environment={environment}`,
          'Determine if an application version can be safely deployed to an environment',
        ),
        'pb:provider-pacts-for-verification': templated(
          forVerification,
          'Pact versions to be verified for the specified provider',
        ),
        'beta:provider-pacts-for-verification': {
          name: 'beta',
          ...templated(forVerification, 'DEPRECATED - please use pb:provider-pacts-for-verification'),
        },
        'pb:environments': link(`${base}/environments`, { title: 'Environments', templated: false }),
        'pb:environment': templated(`${base}/environments/{uuid}`, 'Environment'),
        curies: [
          { name: 'pb', href: `${base}/doc/{rel}?context=index`, templated: true },
          { name: 'beta', href: `${base}/doc/{rel}?context=index`, templated: true },
        ],
      },
    };
  });
}
