import type { Conversation, ConversationChange, Message, RoutingDecision, SlaClock, Translation } from './conversation-api';

export type Proficiency = 'native' | 'fluent' | 'working' | 'basic';
const RANK: Record<Proficiency, number> = { native: 4, fluent: 3, working: 2, basic: 1 };
const primary = (tag: string) => tag.toLowerCase().split('-')[0] ?? tag;

/**
 * The translation this agent should read beside the original: none when the agent reads the message's
 * language at working level or better, else the finished translation into the agent's best language
 * that has one (native first).
 */
export function translationFor(
  message: Pick<Message, 'language' | 'translations'>,
  languages: { tag: string; proficiency: Proficiency }[],
): Translation | null {
  const src = message.language ? primary(message.language) : null;
  if (src && languages.some((l) => primary(l.tag) === src && RANK[l.proficiency] >= RANK.working)) return null;
  const done = (message.translations ?? []).filter((t) => t.status === 'translated' && t.text);
  const ranked = [...languages].sort((a, b) => RANK[b.proficiency] - RANK[a.proficiency]);
  for (const l of ranked) {
    const t = done.find((d) => primary(d.language) === primary(l.tag));
    if (t) return t;
  }
  return null;
}

export type TimelineItem =
  | { kind: 'message'; at: string; key: string; message: Message }
  | { kind: 'routing'; at: string; key: string; decision: RoutingDecision }
  | { kind: 'sla'; at: string; key: string; clock: SlaClock; event: 'warned' | 'breached' | 'achieved' }
  | { kind: 'change'; at: string; key: string; link: ConversationChange; told: 'here' | 'elsewhere' | 'no' };

/**
 * Messages, routing decisions (with handovers), SLA milestones and linked changes, oldest first. A change
 * shows when its customer was told (on this conversation, whose timeline also holds the note, or on
 * another of theirs), else when the conversation was linked to it.
 */
export function timelineItems(
  messages: Message[],
  routing: RoutingDecision[],
  sla: Conversation['sla'],
  changes: ConversationChange[] = [],
): TimelineItem[] {
  const items: TimelineItem[] = messages.map((m) => ({ kind: 'message', at: m.createdAt, key: `m:${m.id}`, message: m }));
  for (const d of routing) items.push({ kind: 'routing', at: d.decidedAt, key: `r:${d.id}`, decision: d });
  const ids = new Set(messages.map((m) => m.id));
  for (const link of changes) {
    const told = !link.announcedAt || !link.note ? 'no' : ids.has(link.note.messageId) ? 'here' : 'elsewhere';
    items.push({ kind: 'change', at: link.announcedAt ?? link.linkedAt, key: `c:${link.linkId}`, link, told });
  }
  for (const clock of sla?.clocks ?? []) {
    const base = `s:${clock.metric}:${clock.cycle}`;
    if (clock.warnedAt) items.push({ kind: 'sla', at: clock.warnedAt, key: `${base}:w`, clock, event: 'warned' });
    if (clock.breachedAt) items.push({ kind: 'sla', at: clock.breachedAt, key: `${base}:b`, clock, event: 'breached' });
    if (clock.achievedAt) items.push({ kind: 'sla', at: clock.achievedAt, key: `${base}:a`, clock, event: 'achieved' });
  }
  // Stable: same-instant items keep the order above (a message before the routing it caused).
  return items.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/**
 * The clock an agent must watch: the open one due soonest (breached ones first); a paused clock (outside
 * business hours, or the conversation waiting) has no due instant, so it comes after those that do.
 */
export function nextDue(sla: Conversation['sla']): SlaClock | null {
  const open = (sla?.clocks ?? []).filter((c) => !c.achievedAt && ['running', 'paused', 'breached'].includes(c.status));
  const key = (c: SlaClock) => (c.dueAt ? Date.parse(c.dueAt) : Number.MAX_SAFE_INTEGER);
  open.sort((a, b) => key(a) - key(b));
  return open[0] ?? null;
}

/** `@name` mentions in a note: agents whose name (without spaces) or e-mail local part follows an @. */
export function mentionedAgents<T extends { id: string; name: string; email: string }>(text: string, agents: T[]): T[] {
  const handles = new Set([...text.matchAll(/@([\p{L}\p{N}._-]+)/gu)].map((m) => m[1]!.toLowerCase()));
  return agents.filter((a) => handles.has(mentionHandle(a)) || handles.has(a.email.split('@')[0]!.toLowerCase()));
}

export const mentionHandle = (a: { name: string }) => a.name.replace(/\s+/g, '').toLowerCase();
