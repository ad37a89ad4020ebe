import type { FastifyInstance } from 'fastify';
import { findConversation } from '../conversations/conversations.repo.js';
import { principalOf } from '../http/auth.js';
import type { Deps } from '../http/deps.js';
import { createOnce } from '../http/idempotency.js';
import { errorResponses, IdParams } from '../http/schemas.js';
import { notFound } from '../lib/errors.js';
import { cancelScheduledMessage, scheduleMessage } from './schedule-message.js';
import { listScheduledMessages, listSnoozes, type ScheduledMessageRow } from './scheduling.repo.js';
import { ReminderBody, ScheduledMessage, ScheduleMessageBody, Snooze, SnoozeBody } from './scheduling.schema.js';
import { addReminder, snoozeConversation } from './snooze.js';
import { Type } from '@sinclair/typebox';

const view = (r: ScheduledMessageRow) => ({
  id: r.id,
  conversationId: r.conversationId,
  status: r.status,
  sendAt: r.sendAt,
  requested: r.requested,
  messageId: r.messageId,
  text: r.body.text ?? null,
  html: r.body.html ?? null,
  language: r.body.language ?? null,
  translateTo: r.body.translateTo ?? null,
  createdBy: r.createdBy,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

/** Send later, snoozes and follow-up reminders; the scheduler job (run-due.ts) carries them out. */
export function schedulingRoutes(app: FastifyInstance, deps: Deps): void {
  const tags = ['scheduling'];

  app.post<{ Params: { id: string }; Body: ScheduleMessageBody }>(
    '/api/v1/conversations/:id/scheduled-messages',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'Send an outbound reply later, in the customer’s local business hours',
        description: 'Delivered as a normal outbound message (message.created) at `sendAt`, unless cancelled first.',
        params: IdParams,
        body: ScheduleMessageBody,
        response: { 201: ScheduledMessage, ...errorResponses },
      },
    },
    async (req, reply) => {
      const p = principalOf(req);
      return createOnce(deps, req, reply, async (tx) => view(await scheduleMessage(tx, p, req.params.id, req.body, deps.clock())));
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/conversations/:id/scheduled-messages',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'Scheduled messages of a conversation (scheduled, sent and cancelled), soonest first',
        params: IdParams,
        response: { 200: Type.Object({ data: Type.Array(ScheduledMessage) }), ...errorResponses },
      },
    },
    async (req) => {
      const ws = principalOf(req).workspaceId;
      if (!(await findConversation(deps.db, ws, req.params.id))) throw notFound('conversation');
      return { data: (await listScheduledMessages(deps.db, ws, req.params.id)).map(view) };
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/api/v1/scheduled-messages/:id',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'Cancel a scheduled message that has not been sent (409 once sent)',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      const p = principalOf(req);
      await deps.db.transaction((tx) => cancelScheduledMessage(tx, p, req.params.id, deps.clock()));
      deps.onCommit();
      return reply.status(204).send();
    },
  );

  app.post<{ Params: { id: string }; Body: SnoozeBody }>(
    '/api/v1/conversations/:id/snooze',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'Snooze a conversation: pending (or on hold) until an instant or the customer’s next business morning',
        description:
          'A snooze already set is replaced. On waking the conversation opens (if still waiting) and `conversation.woke` is written.',
        params: IdParams,
        body: SnoozeBody,
        response: { 201: Snooze, ...errorResponses },
      },
    },
    async (req, reply) => {
      const p = principalOf(req);
      return createOnce(deps, req, reply, (tx) => snoozeConversation(tx, p, req.params.id, req.body, deps.clock()));
    },
  );

  app.post<{ Params: { id: string }; Body: ReminderBody }>(
    '/api/v1/conversations/:id/reminders',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'A follow-up reminder: `reminder.due` fires at `at`',
        params: IdParams,
        body: ReminderBody,
        response: { 201: Snooze, ...errorResponses },
      },
    },
    async (req, reply) => {
      const p = principalOf(req);
      return createOnce(deps, req, reply, (tx) => addReminder(tx, p, req.params.id, req.body, deps.clock()));
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/conversations/:id/snoozes',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'Snoozes and follow-up reminders of a conversation (every status), soonest first',
        params: IdParams,
        response: { 200: Type.Object({ data: Type.Array(Snooze) }), ...errorResponses },
      },
    },
    async (req) => {
      const ws = principalOf(req).workspaceId;
      if (!(await findConversation(deps.db, ws, req.params.id))) throw notFound('conversation');
      return { data: await listSnoozes(deps.db, ws, req.params.id) };
    },
  );
}
