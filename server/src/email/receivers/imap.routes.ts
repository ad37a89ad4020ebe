import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../http/actor.js';
import { principalOf } from '../../http/auth.js';
import type { Deps } from '../../http/deps.js';
import { errorResponses } from '../../http/schemas.js';
import { AppError } from '../../lib/errors.js';
import { ImapBusyError } from './imap-poller.js';
import { findImapAccount, type ImapAccountRow } from './imap.repo.js';
import { ImapPollResult, ImapSettings, PutImapBody } from './imap.schema.js';
import { updateImapSettings } from './update-imap-settings.js';

/** The settings as shown: which mailbox, how far the poller got, never the password. */
const present = (row: ImapAccountRow | undefined) => ({
  configured: row !== undefined,
  host: row?.host ?? null,
  port: row?.port ?? null,
  security: row?.security ?? null,
  username: row?.username ?? null,
  passwordSet: row !== undefined,
  mailbox: row?.mailbox ?? null,
  address: row?.address ?? null,
  idle: row?.idle ?? false,
  enabled: row?.enabled ?? false,
  uidValidity: row?.uidValidity ?? null,
  lastUid: row?.lastUid ?? 0,
  lastPollAt: row?.lastPollAt ?? null,
  lastError: row?.lastError ?? null,
  updatedAt: row?.updatedAt ?? null,
});

export function imapRoutes(app: FastifyInstance, deps: Deps): void {
  const tags = ['mail'];

  app.get(
    '/api/v1/mail/imap',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'The IMAP mailbox mail is fetched from (admin; never the password)',
        response: { 200: ImapSettings, ...errorResponses },
      },
    },
    async (req) => present(await findImapAccount(deps.db, principalOf(req).workspaceId)),
  );

  app.put<{ Body: PutImapBody }>(
    '/api/v1/mail/imap',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Set the IMAP mailbox to fetch mail from (admin)',
        description:
          'Unseen messages are fetched (polled, or on new-mail notice with `idle`), ingested, and flagged \\Seen only once stored. ' +
          'The password is sealed at rest and never returned; leave it out to keep it for the same host, port and user. ' +
          'Private or loopback hosts are refused unless the operator allowed them (MERIDIAN_PROVIDER_ALLOWED_HOSTS).',
        body: PutImapBody,
        response: { 200: ImapSettings, ...errorResponses },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const row = await deps.db.transaction((tx) =>
        updateImapSettings(
          tx,
          p.workspaceId,
          actorOf(p),
          req.body,
          { box: deps.secretBox, allowedHosts: deps.providerAllowedHosts },
          deps.clock(),
        ),
      );
      deps.onCommit();
      return present(row);
    },
  );

  app.post(
    '/api/v1/mail/imap/poll',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Fetch the IMAP mailbox now (admin)',
        description: 'Runs one poll and answers what it fetched; `error` says why a poll stopped early (connection, login).',
        response: { 200: ImapPollResult, ...errorResponses },
      },
    },
    async (req) => {
      const ws = principalOf(req).workspaceId;
      const account = await findImapAccount(deps.db, ws);
      if (!account) throw new AppError('not_found', 'no IMAP mailbox is configured');
      if (!account.enabled) throw new AppError('conflict', 'the IMAP mailbox is disabled');
      if (!deps.imapPoller) throw new AppError('unavailable', 'this server does not fetch mail');
      try {
        return await deps.imapPoller.poll(ws);
      } catch (err) {
        if (err instanceof ImapBusyError) throw new AppError('conflict', 'the mailbox is being fetched right now');
        throw err;
      }
    },
  );
}
