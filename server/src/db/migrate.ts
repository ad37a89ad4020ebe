import type { Db } from './types.js';
import * as m0001 from './migrations/0001_foundation.js';
import * as m0002 from './migrations/0002_outbox_cursor.js';
import * as m0003 from './migrations/0003_translation_memory.js';
import * as m0004 from './migrations/0004_message_translations.js';
import * as m0005 from './migrations/0005_outbound_review.js';
import * as m0006 from './migrations/0006_templates.js';
import * as m0007 from './migrations/0007_translation_settings.js';
import * as m0008 from './migrations/0008_conversation_language.js';
import * as m0009 from './migrations/0009_translation_notice.js';
import * as m0010 from './migrations/0010_calendars.js';
import * as m0011 from './migrations/0011_routing.js';
import * as m0012 from './migrations/0012_sla.js';
import * as m0013 from './migrations/0013_detection_languages.js';
import * as m0014 from './migrations/0014_acknowledgements.js';
import * as m0015 from './migrations/0015_scheduling.js';
import * as m0016 from './migrations/0016_routing_queue.js';
import * as m0017 from './migrations/0017_email.js';
import * as m0018 from './migrations/0018_mail_outbound.js';
import * as m0019 from './migrations/0019_mail_receivers.js';
import * as m0020 from './migrations/0020_widget.js';
import * as m0021 from './migrations/0021_channels.js';
import * as m0022 from './migrations/0022_channel_outbound.js';
import * as m0023 from './migrations/0023_calls_blocks.js';
import * as m0024 from './migrations/0024_inbox.js';
import * as m0025 from './migrations/0025_inbox_running.js';
import * as m0026 from './migrations/0026_surveys.js';
import * as m0027 from './migrations/0027_changes.js';
import * as m0031 from './migrations/0031_mentions.js';
import * as m0032 from './migrations/0032_agent_ui_locale.js';

/** Ordered, append-only. Never edit a shipped migration: add the next one. */
export const MIGRATIONS: readonly { id: string; up: string }[] = [
  { id: '0001_foundation', up: m0001.up },
  { id: '0002_outbox_cursor', up: m0002.up },
  { id: '0003_translation_memory', up: m0003.up },
  { id: '0004_message_translations', up: m0004.up },
  { id: '0005_outbound_review', up: m0005.up },
  { id: '0006_templates', up: m0006.up },
  { id: '0007_translation_settings', up: m0007.up },
  { id: '0008_conversation_language', up: m0008.up },
  { id: '0009_translation_notice', up: m0009.up },
  { id: '0010_calendars', up: m0010.up },
  { id: '0011_routing', up: m0011.up },
  { id: '0012_sla', up: m0012.up },
  { id: '0013_detection_languages', up: m0013.up },
  { id: '0014_acknowledgements', up: m0014.up },
  { id: '0015_scheduling', up: m0015.up },
  { id: '0016_routing_queue', up: m0016.up },
  { id: '0017_email', up: m0017.up },
  { id: '0018_mail_outbound', up: m0018.up },
  { id: '0019_mail_receivers', up: m0019.up },
  { id: '0020_widget', up: m0020.up },
  { id: '0021_channels', up: m0021.up },
  { id: '0022_channel_outbound', up: m0022.up },
  { id: '0023_calls_blocks', up: m0023.up },
  { id: '0024_inbox', up: m0024.up },
  { id: '0025_inbox_running', up: m0025.up },
  { id: '0026_surveys', up: m0026.up },
  { id: '0027_changes', up: m0027.up },
  { id: '0031_mentions', up: m0031.up },
  { id: '0032_agent_ui_locale', up: m0032.up },
];

// Serialises concurrent `migrate` runs against one PostgreSQL (two servers starting at once).
const LOCK_KEY = 727_001;

export async function migrate(db: Db): Promise<string[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
    const { rows } = await tx.query<{ id: string }>('SELECT id FROM schema_migrations');
    const done = new Set(rows.map((r) => r.id));
    const applied: string[] = [];
    for (const m of MIGRATIONS) {
      if (done.has(m.id)) continue;
      await tx.exec(m.up);
      await tx.query('INSERT INTO schema_migrations (id) VALUES ($1)', [m.id]);
      applied.push(m.id);
    }
    return applied;
  });
}
