import type { FastifyInstance } from 'fastify';
import type { PgBoss } from 'pg-boss';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import { migrate } from './db/migrate.js';
import { createReceivers } from './email/receivers/start-receivers.js';
import { createBlobStore } from './storage/create-blob-store.js';
import { openDb } from './db/open.js';
import type { Db } from './db/types.js';
import type { Deps } from './http/deps.js';
import { acknowledgeOnCreated, registerAcknowledgeJob } from './jobs/acknowledge.job.js';
import { registerSurveyDecideJob, surveyOnSolved } from './jobs/survey-decide.job.js';
import { registerSurveySendJob } from './jobs/survey-send.job.js';
import { SurveyTokens } from './surveys/survey-token.js';
import { analyseOnCommented, registerAnalyseCommentJob } from './jobs/analyse-comment.job.js';
import { startBoss } from './jobs/boss.js';
import { registerMaintenance } from './jobs/maintenance.js';
import { mailOnEvents, registerMailSendJob } from './jobs/mail-send.job.js';
import { channelsOnEvents, registerChannelSendJob } from './jobs/channel-send.job.js';
import { webhookPath } from './channels/webhook-url.js';
import { ThreadTokens } from './email/thread-token.js';
import { registerSchedulingJob } from './jobs/scheduling.job.js';
import { registerSlaJob } from './jobs/sla-evaluate.job.js';
import { registerTranslateJob, translateOnInbound } from './jobs/translate-message.job.js';
import { registerTranslateReplyJob, retryFailedReplies } from './jobs/translate-reply.job.js';
import type { Clock } from './lib/clock.js';
import { systemClock } from './lib/clock.js';
import { createRuntime } from './runtime.js';
import { slaOnEvents } from './sla/evaluate.js';
import { keyFromFile, SecretBox } from './lib/secret-box.js';
import { ApertiumProvider } from './translation/providers/apertium.js';
import { Translator } from './translation/translator.js';
import { WorkspaceTranslation } from './translation/workspace-translation.js';

export interface Running {
  app: FastifyInstance;
  db: Db;
  url: string;
  stop(): Promise<void>;
}

/** Opens the database, migrates, starts jobs and the outbox, and listens. */
export async function startServer(
  config: Config,
  opts: {
    clock?: Clock;
    beforeListen?: (db: Db, secretBox: SecretBox) => Promise<void>;
    jobs?: boolean;
    translateRetrySeconds?: number;
    /** Benchmarks lift the widget's per-IP limits: all their sockets come from 127.0.0.1. */
    widgetLimits?: Deps['widgetLimits'];
  } = {},
): Promise<Running> {
  const clock = opts.clock ?? systemClock;
  const db = await openDb(config.db);
  await migrate(db);
  const secretBox = SecretBox.fromKey(config.secretKey ?? keyFromFile(config.secretKeyFile));
  await opts.beforeListen?.(db, secretBox);

  let log: { error: (o: unknown, m?: string) => void } = console;
  let boss: PgBoss | undefined;
  // The server's own URL once it listens: survey links use it when MERIDIAN_PUBLIC_URL is unset.
  let listening = '';
  // The server's engine (operator-configured, so a loopback APy is fine) serves workspaces without their own.
  const defaultEngine = config.apertiumUrl ? new ApertiumProvider(config.apertiumUrl) : null;
  const translator = new Translator(
    db,
    new WorkspaceTranslation(db, secretBox, defaultEngine, { allowedHosts: config.providerAllowedHosts }),
    clock,
  );
  const runtime = createRuntime(db, clock, (err) => log.error({ err }, 'outbox drain failed'), {
    // A workspace without an engine gets no job per message (checked per event).
    handlers: [
      // SLA clocks move with each conversation event, in the drain's transaction.
      slaOnEvents((err, ev) => log.error({ err, eventId: ev.id }, 'SLA clocks could not follow an event')),
      // New customer conversations are acknowledged by a job, so the create path stays fast.
      acknowledgeOnCreated(() => boss),
      // A conversation solved gets its survey decided by a job: scheduled or suppressed, once.
      surveyOnSolved(() => boss),
      // Survey comments get their sentiment and an English translation for leads from a job.
      analyseOnCommented(() => boss),
      // Outbound messages of e-mail conversations are queued in mail_outbox; the mail-send job delivers them.
      mailOnEvents(
        () => boss,
        (err, ev) => log.error({ err, eventId: ev.id }, 'outbound mail could not be queued'),
      ),
      // Outbound messages of WhatsApp, Telegram and SMS conversations: channel_outbox rows; the channel-send job delivers them.
      channelsOnEvents(
        () => boss,
        (err, ev) => log.error({ err, eventId: ev.id }, 'an outbound channel message could not be queued'),
      ),
      ...(translator.mayTranslate ? [translateOnInbound(() => boss, translator), retryFailedReplies(() => boss)] : []),
    ],
  });
  const { outbox } = runtime;
  // Inbound mail: the SMTP listener (when smtpPort > 0) and the IMAP poller, over one ingest.
  const blobs = createBlobStore(config, clock);
  const receivers = createReceivers(config, { db, clock, secretBox, blobs, onCommit: runtime.deps.onCommit, log: () => log });

  const app = await buildApp(
    {
      db,
      clock,
      ...runtime.deps,
      translator,
      secretBox,
      imapPoller: receivers.imapPoller,
      blobs,
      mailIngest: receivers.ingest,
      providerAllowedHosts: config.providerAllowedHosts,
      smtpRelay: config.smtpRelay,
      bodyLimit: config.bodyLimit,
      sessionTtlMs: config.sessionTtlMs,
      secureCookies: config.secureCookies,
      publicUrl: config.publicUrl,
      widgetLimits: opts.widgetLimits,
    },
    { logger: config.logLevel === 'silent' ? false : { level: config.logLevel } },
  );
  log = app.log;

  if (opts.jobs !== false) {
    boss = await startBoss(db, config.db.kind === 'postgres' ? config.db.url : undefined, (err) =>
      app.log.error({ err }, 'job queue error'),
    );
    // Jobs are background work: on PGlite their transactions wait while a request's are queued.
    const bg = db.background;
    await registerMaintenance(boss, bg, clock);
    await registerSlaJob(boss, { db: bg, clock });
    await registerSchedulingJob(boss, {
      db: bg,
      clock,
      translator,
      onCommit: runtime.deps.onCommit,
      onError: (err, row) => app.log.error({ err, id: row.id }, 'a scheduled message, snooze or reminder failed'),
    });
    await registerAcknowledgeJob(boss, { db: bg, clock });
    await registerSurveyDecideJob(boss, { db: bg, clock, onCommit: runtime.deps.onCommit });
    await registerSurveySendJob(boss, {
      db: bg,
      clock,
      tokens: new SurveyTokens(secretBox),
      publicUrl: () => config.publicUrl ?? listening,
      onCommit: runtime.deps.onCommit,
      onError: (err, row) => app.log.error({ err, id: row.id }, 'a survey could not be sent'),
    });
    await registerAnalyseCommentJob(boss, { db: bg, translator });
    await registerMailSendJob(boss, {
      db: bg,
      clock,
      box: secretBox,
      tokens: new ThreadTokens(secretBox),
      serverRelay: config.smtpRelay,
      allowedHosts: config.providerAllowedHosts,
      onPass: (r) => app.log.debug({ mail: r }, 'mail send pass'),
    });
    await registerChannelSendJob(boss, {
      db: bg,
      clock,
      box: secretBox,
      apis: config.channelApis,
      // Twilio reports delivery to the account's webhook, which must be reachable from outside (MERIDIAN_PUBLIC_URL).
      statusCallback: (a) => (config.publicUrl && a.kind === 'sms' ? `${config.publicUrl}${webhookPath('sms', a.webhookId)}` : undefined),
      onCommit: runtime.deps.onCommit,
      onPass: (r) => app.log.debug({ channels: r }, 'channel send pass'),
    });
    await registerTranslateJob(
      boss,
      { db: bg, translator, clock },
      { ...(opts.translateRetrySeconds ? { retryDelaySeconds: opts.translateRetrySeconds } : {}) },
    );
    await registerTranslateReplyJob(
      boss,
      { db: bg, translator, clock },
      { ...(opts.translateRetrySeconds ? { retryDelaySeconds: opts.translateRetrySeconds } : {}) },
    );
  }
  outbox.start();

  const address = await app.listen({ port: config.port, host: config.host });
  listening = address;
  await receivers.start();
  return {
    app,
    db,
    url: address,
    async stop() {
      await app.close();
      await receivers.stop();
      await outbox.stop();
      await boss?.stop({ graceful: true, timeout: 5000 });
      await db.close();
    },
  };
}
