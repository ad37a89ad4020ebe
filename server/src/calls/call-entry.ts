import { AppError } from '../lib/errors.js';
import type { CreateMessageBody } from '../messages/messages.schema.js';
import type { CallRow } from './calls.repo.js';
import type { LogCallBody } from './calls.schema.js';

/** How far ahead of our clock a start time may be (the agent's device clock may run fast). */
const FUTURE_SKEW_MS = 5 * 60_000;

/**
 * The stored call from a request: the start time defaults to now minus the duration (a call that
 * just ended) and may not lie in the future; the recording link must be plain http(s) without
 * credentials (it is shown to every agent of the workspace). Pure.
 */
export function callRow(body: LogCallBody, ids: Pick<CallRow, 'id' | 'agentId'>, at: Date): Omit<CallRow, 'conversationId' | 'messageId'> {
  const startedAt = body.startedAt ? new Date(body.startedAt) : new Date(at.getTime() - body.durationSeconds * 1000);
  if (Number.isNaN(startedAt.getTime()) || startedAt.getTime() > at.getTime() + FUTURE_SKEW_MS) {
    throw new AppError('validation_failed', 'startedAt lies in the future', [{ path: 'body/startedAt', message: 'in the future' }]);
  }
  return {
    ...ids,
    direction: body.direction,
    from: body.from ?? null,
    to: body.to ?? null,
    startedAt,
    durationSeconds: body.durationSeconds,
    outcome: body.outcome,
    notes: body.notes ?? '',
    recordingUrl: body.recordingUrl === undefined ? null : recordingUrl(body.recordingUrl),
    createdAt: at,
  };
}

function recordingUrl(raw: string): string {
  const bad = (message: string) => new AppError('validation_failed', `recordingUrl ${message}`, [{ path: 'body/recordingUrl', message }]);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw bad('is not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw bad('must be http or https');
  if (url.username || url.password) throw bad('must not contain credentials');
  return raw;
}

/** 4:05, 1:02:03 */
function duration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/**
 * The call's entry in the conversation's timeline: an internal note (direction 'note', which
 * outbound mail and channel senders never deliver), its channel_meta naming the call.
 */
export function callEntry(call: Omit<CallRow, 'conversationId' | 'messageId'>): CreateMessageBody {
  const head = `${call.direction === 'inbound' ? 'Inbound' : 'Outbound'} call · ${call.outcome} · ${duration(call.durationSeconds)}`;
  return {
    direction: 'note',
    text: call.notes.trim() ? `${head}\n\n${call.notes}` : head,
    channelMeta: { kind: 'call', callId: call.id, callDirection: call.direction, callOutcome: call.outcome },
  };
}
