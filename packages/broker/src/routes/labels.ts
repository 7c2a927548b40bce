import type { FastifyInstance } from 'fastify';
import { LabelNotFoundError } from '../errors.ts';
import { link, seg } from '../hal.ts';
import { pageRequest, pageSection, pageWindow } from '../http/pagination.ts';
import { labelResource, labelsResource } from '../representations/label.ts';
import { pacticipantResource } from '../representations/pacticipant.ts';
import { requirePacticipant } from './lookups.ts';
import { embeddedList, errorResponse, halResponse } from './schemas.ts';

const WHOLE_LIST = { offset: 0, limit: Number.MAX_SAFE_INTEGER };

type LabelParams = { Params: { pacticipant: string; label: string } };
const labelParams = {
  type: 'object',
  required: ['pacticipant', 'label'],
  properties: { pacticipant: { type: 'string', minLength: 1 }, label: { type: 'string', minLength: 1 } },
} as const;
const responses = { 200: halResponse, 201: halResponse, 400: errorResponse, 404: errorResponse };

/** Pacticipant labels: what label-scoped webhooks and `/pacticipants/label/{l}` select by. */
export async function labelRoutes(app: FastifyInstance): Promise<void> {
  const repos = app.broker.repos;

  // Labelling a pacticipant that does not exist yet creates it, as the real broker does.
  app.put<LabelParams>(
    '/pacticipants/:pacticipant/labels/:label',
    { schema: { params: labelParams, response: responses } },
    async (request, reply) => {
      const { pacticipant: name, label } = request.params;
      const pacticipant = await repos.pacticipants.findOrCreate(name);
      const { label: stored, created } = await repos.labels.add(pacticipant.id, label);
      return reply.code(created ? 201 : 200).send(labelResource(request.urls, pacticipant.name, stored));
    },
  );

  app.get<LabelParams>(
    '/pacticipants/:pacticipant/labels/:label',
    { schema: { params: labelParams, response: responses } },
    async (request) => {
      const pacticipant = await requirePacticipant(repos, request.params.pacticipant);
      const label = await repos.labels.find(pacticipant.id, request.params.label);
      if (!label) throw new LabelNotFoundError(pacticipant.name, request.params.label);
      return labelResource(request.urls, pacticipant.name, label);
    },
  );

  app.delete<LabelParams>(
    '/pacticipants/:pacticipant/labels/:label',
    { schema: { params: labelParams, response: { 404: errorResponse } } },
    async (request, reply) => {
      const pacticipant = await requirePacticipant(repos, request.params.pacticipant);
      if (!(await repos.labels.find(pacticipant.id, request.params.label))) {
        throw new LabelNotFoundError(pacticipant.name, request.params.label);
      }
      await repos.labels.delete(pacticipant.id, request.params.label);
      return reply.code(204).send();
    },
  );

  app.get('/labels', { schema: { response: { 200: embeddedList('labels'), 400: errorResponse } } }, async (request) => {
    // Without `page` or `size`, every label name (the real broker pages only when asked).
    const page = pageRequest(request.query);
    const { names, total } = await repos.labels.distinctNames(page ? pageWindow(page) : WHOLE_LIST);
    return labelsResource(request.urls, names, pageSection(`${request.urls.base}/labels`, page, total));
  });

  app.get<{ Params: { label: string } }>(
    '/pacticipants/label/:label',
    { schema: { response: { 200: embeddedList('pacticipants') } } },
    async (request) => {
      const { label } = request.params;
      const pacticipants = await repos.labels.pacticipantsWith(label);
      return {
        _embedded: { pacticipants: pacticipants.map((p) => pacticipantResource(request.urls, p)) },
        _links: {
          self: link(`${request.urls.base}/pacticipants/label/${seg(label)}`, {
            title: `Pacticipants with label ${label}`,
          }),
        },
      };
    },
  );
}
