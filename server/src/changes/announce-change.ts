import { loopId } from '../acks/acknowledge.js';
import { ackLocale } from '../acks/recipient.js';
import { recordMessage } from '../conversations/conversations.repo.js';
import type { Db, Queryable } from '../db/types.js';
import { appendEvent, recordChange } from '../events/events.repo.js';
import type { Clock } from '../lib/clock.js';
import { AppError, notFound } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import { insertMessage } from '../messages/messages.repo.js';
import { machineTranslationNotice } from '../translation/disclosure.js';
import type { Translator } from '../translation/translator.js';
import {
  claimNote,
  countTold,
  findChange,
  markChangeAnnounced,
  markLinksAnnounced,
  untoldRecipients,
  type ChangeRow,
  type NoteRow,
} from './changes.repo.js';
import { bodyFromTranslation, bodyWithoutEngine, composeNote, noteLocale, type Note } from './compose-note.js';
import type { Actor } from './save-change.js';

export interface AnnounceDeps {
  db: Db;
  translator: Translator;
  clock: Clock;
  onCommit: () => void;
}

/** Customers told per transaction: a crash loses at most one batch's work, which the next run redoes. */
export const ANNOUNCE_BATCH = 100;

/** Marks on the stored note for the channel that delivers it: automatic mail headers and which change it tells of. */
export const changeChannelMeta = (workspaceId: string, changeId: string): Record<string, string> => ({
  autoSubmitted: 'auto-generated',
  xLoop: loopId(workspaceId),
  change: changeId,
});

export type SentNote = NoteRow & { customerId: string };

/**
 * Marks the links of customers who have their note (of `customerIds`, or all) and writes
 * `change.announced` on each of those conversations: the timeline's record, with the note's message
 * and the conversation it went out on (this one, or the customer's other linked conversation).
 */
async function announceLinks(tx: Queryable, workspaceId: string, change: ChangeRow, at: Date, customerIds: string[] | null): Promise<void> {
  for (const l of await markLinksAnnounced(tx, workspaceId, change.id, at, customerIds)) {
    await appendEvent(
      tx,
      workspaceId,
      {
        type: 'change.announced',
        subjectId: l.conversationId,
        payload: {
          conversationId: l.conversationId,
          changeId: change.id,
          title: change.title,
          customerId: l.customerId,
          messageId: l.messageId,
          sentOn: l.sentOn,
        },
      },
      at,
    );
  }
}

/**
 * Tells each linked customer not yet told, once, in their language, as an outbound system message
 * on their most recently active linked conversation (which the conversation's channel then
 * delivers, as it does acknowledgements). Texts are settled first, one per language and outside any
 * transaction (translation is network); then customers are told in batches, each claiming its ledger
 * row (unique per change and customer) in the transaction that stores the message, so a repeated,
 * concurrent or resumed announcement never sends anyone a second note. Customers linked later are
 * told by announcing again.
 */
export async function announceChange(deps: AnnounceDeps, workspaceId: string, actor: Actor, changeId: string) {
  const change = await findChange(deps.db, workspaceId, changeId);
  if (!change) throw notFound('change');
  if (change.counts.links === 0) throw new AppError('conflict', 'link feedback to the change before announcing it');

  const recipients = await untoldRecipients(deps.db, workspaceId, changeId);
  const locales = recipients.map((r) => noteLocale(ackLocale(r.conversationLanguage, r), change.sourceLanguage));
  const { discloseMachineTranslation } = await deps.translator.settings(workspaceId);
  const notes = new Map<string, Note>();
  for (const locale of new Set(locales)) {
    const body =
      bodyWithoutEngine(change, locale) ??
      bodyFromTranslation(
        change,
        await deps.translator.translate(workspaceId, { text: change.description, source: change.sourceLanguage, target: locale }),
      );
    const disclose = discloseMachineTranslation && body.source === 'machine';
    notes.set(locale, composeNote(locale, body, disclose ? machineTranslationNotice(change.sourceLanguage, body.language) : null));
  }

  const sent: SentNote[] = [];
  for (let start = 0; start < recipients.length; start += ANNOUNCE_BATCH) {
    const batch = recipients.slice(start, start + ANNOUNCE_BATCH);
    const at = deps.clock();
    const told = await deps.db.transaction(async (tx) => {
      const out: SentNote[] = [];
      for (const [i, r] of batch.entries()) {
        const note = notes.get(locales[start + i]!)!;
        const row: NoteRow = {
          messageId: newId(),
          conversationId: r.conversationId,
          language: note.language,
          textSource: note.body.source,
          textLanguage: note.body.language,
          flags: note.body.flags,
          announcedAt: at,
        };
        if (!(await claimNote(tx, workspaceId, changeId, r.customerId, row, at))) continue;
        await insertMessage(tx, workspaceId, {
          id: row.messageId,
          conversationId: r.conversationId,
          direction: 'outbound',
          authorType: 'system',
          authorId: null,
          text: note.text,
          html: null,
          language: note.language,
          attachments: [],
          channelMeta: changeChannelMeta(workspaceId, changeId),
          createdAt: at,
        });
        await recordMessage(tx, workspaceId, r.conversationId, at, false);
        await appendEvent(
          tx,
          workspaceId,
          {
            type: 'message.created',
            subjectId: row.messageId,
            payload: { conversationId: r.conversationId, messageId: row.messageId, direction: 'outbound' },
          },
          at,
        );
        out.push({ ...row, customerId: r.customerId });
      }
      await announceLinks(
        tx,
        workspaceId,
        change,
        at,
        batch.map((r) => r.customerId),
      );
      return out;
    });
    deps.onCommit();
    sent.push(...told);
  }

  // Conversations linked after their customer was told get their timeline record without a second note.
  const at = deps.clock();
  await deps.db.transaction(async (tx) => {
    await announceLinks(tx, workspaceId, change, at, null);
    await markChangeAnnounced(tx, workspaceId, changeId, at);
    await recordChange(
      tx,
      workspaceId,
      { type: 'change.updated', subjectId: changeId, payload: { changeId, status: 'announced', sent: sent.length } },
      { ...actor, action: 'change.announce', targetType: 'change', targetId: changeId, data: { sent: sent.length } },
      at,
    );
  });
  deps.onCommit();
  const told = await countTold(deps.db, workspaceId, changeId);
  return {
    change: (await findChange(deps.db, workspaceId, changeId))!,
    sent: sent.length,
    alreadyTold: told - sent.length,
    fallbacks: sent.filter((n) => n.textSource === 'original' && n.flags.length > 0).length,
    notes: sent,
  };
}
