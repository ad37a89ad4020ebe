import type { FastifyInstance } from 'fastify';
import { actorOf } from '../http/actor.js';
import { principalOf } from '../http/auth.js';
import type { Deps } from '../http/deps.js';
import { createOnce } from '../http/idempotency.js';
import { errorResponses, IdParams } from '../http/schemas.js';
import { listPolicies } from './policies.repo.js';
import { changeSlaPolicy, createSlaPolicy } from './save-policy.js';
import { CreateSlaPolicyBody, SlaPolicy, SlaPolicyList, UpdateSlaPolicyBody } from './sla.schema.js';

const TRIAL =
  'A new conversation gets the first policy, by `position`, whose conditions (`when`) all hold, else the default policy; ' +
  'its targets start then and are kept by its clocks. Business time counts on the calendar of the conversation’s team ' +
  '(calendar time when the team has none); `pending` pauses every clock.';

export function slaRoutes(app: FastifyInstance, deps: Deps): void {
  const tags = ['sla'];

  app.get(
    '/api/v1/sla/policies',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'SLA policies, in the order they are tried',
        description: TRIAL,
        response: { 200: SlaPolicyList, ...errorResponses },
      },
    },
    async (req) => ({ data: await listPolicies(deps.db, principalOf(req).workspaceId) }),
  );

  app.post<{ Body: CreateSlaPolicyBody }>(
    '/api/v1/sla/policies',
    {
      config: { access: 'lead' },
      schema: {
        tags,
        summary: 'Add an SLA policy (lead)',
        description: `${TRIAL} Escalation on breach: \`raisePriority\` one step, \`notifyLead\` an \`sla.escalation\` event.`,
        body: CreateSlaPolicyBody,
        response: { 201: SlaPolicy, ...errorResponses },
      },
    },
    async (req, reply) => {
      const p = principalOf(req);
      return createOnce(deps, req, reply, (tx) => createSlaPolicy(tx, p.workspaceId, actorOf(p), req.body, deps.clock()));
    },
  );

  app.patch<{ Params: { id: string }; Body: UpdateSlaPolicyBody }>(
    '/api/v1/sla/policies/:id',
    {
      config: { access: 'lead' },
      schema: {
        tags,
        summary: 'Change an SLA policy (lead)',
        description: 'The fields sent replace the stored ones. Clocks already running keep the targets they started with.',
        params: IdParams,
        body: UpdateSlaPolicyBody,
        response: { 200: SlaPolicy, ...errorResponses },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const row = await deps.db.transaction((tx) => changeSlaPolicy(tx, p.workspaceId, actorOf(p), req.params.id, req.body, deps.clock()));
      deps.onCommit();
      return row;
    },
  );
}
