import { describe, expect, it } from 'vitest';
import type { ConversationChange, Message, RoutingDecision, SlaClock } from './conversation-api';
import { mentionedAgents, nextDue, timelineItems, translationFor } from './timeline-items';

const message = (over: Partial<Message>): Message => ({
  id: 'm1',
  conversationId: 'c1',
  direction: 'inbound',
  authorType: 'customer',
  authorId: null,
  text: 'Hola',
  html: null,
  language: 'es',
  attachments: [],
  createdAt: '2026-03-02T10:00:00Z',
  ...over,
});
const tr = (language: string, status: 'translated' | 'untranslated' = 'translated') => ({
  language,
  sourceLanguage: 'es',
  status,
  text: status === 'translated' ? `in ${language}` : null,
  provider: 'apertium',
  flags: [],
});
const clock = (over: Partial<SlaClock>): SlaClock => ({
  metric: 'first_reply',
  cycle: 1,
  status: 'running',
  atRisk: false,
  startedAt: '2026-03-02T10:00:00Z',
  dueAt: '2026-03-02T14:00:00Z',
  remainingMinutes: null,
  warnedAt: null,
  breachedAt: null,
  achievedAt: null,
  ...over,
});

describe('the translation an agent reads', () => {
  const m = message({ translations: [tr('pl', 'untranslated'), tr('en'), tr('de')] });
  it('is the finished one in the agent’s best language that has one', () => {
    expect(
      translationFor(m, [
        { tag: 'pl', proficiency: 'native' },
        { tag: 'en', proficiency: 'fluent' },
        { tag: 'de', proficiency: 'working' },
      ])?.language,
    ).toBe('en');
  });
  it('is none when the agent reads the original well enough, or no language of theirs is done', () => {
    expect(translationFor(m, [{ tag: 'es-MX', proficiency: 'working' }])).toBeNull();
    expect(translationFor(m, [{ tag: 'ja', proficiency: 'native' }])).toBeNull();
    // A basic reader of the original still gets the translation.
    expect(
      translationFor(m, [
        { tag: 'es', proficiency: 'basic' },
        { tag: 'de', proficiency: 'native' },
      ])?.language,
    ).toBe('de');
  });
});

describe('the timeline', () => {
  it('puts messages, routing decisions and SLA milestones in time order', () => {
    const routing: RoutingDecision = {
      id: 'r1',
      decidedAt: '2026-03-02T10:00:01Z',
      trigger: 'created',
      teamId: null,
      agentId: null,
      handover: null,
      steps: [],
    };
    const items = timelineItems([message({ id: 'a' }), message({ id: 'b', createdAt: '2026-03-02T16:00:00Z' })], [routing], {
      clocks: [clock({ warnedAt: '2026-03-02T13:00:00Z', breachedAt: '2026-03-02T14:00:00Z', status: 'breached' })],
    });
    expect(items.map((i) => i.key)).toEqual(['m:a', 'r:r1', 's:first_reply:1:w', 's:first_reply:1:b', 'm:b']);
  });

  it('shows a linked change when its customer was told, here or on another conversation, else when it was linked', () => {
    const link = (linkId: string, announcedAt: string | null, messageId: string | null): ConversationChange => ({
      change: { id: 'ch', title: 'Portuguese invoices', status: announcedAt ? 'announced' : 'draft' },
      linkId,
      linkedAt: '2026-03-02T09:30:00Z',
      announcedAt,
      note: messageId && announcedAt ? { messageId, conversationId: 'x', language: 'pt', announcedAt } : null,
    });
    const items = timelineItems([message({ id: 'a' }), message({ id: 'note', createdAt: '2026-03-02T12:00:00Z' })], [], null, [
      link('l1', '2026-03-02T12:00:00Z', 'note'),
      link('l2', '2026-03-02T11:00:00Z', 'elsewhere'),
      link('l3', null, null),
    ]);
    expect(items.map((i) => [i.key, i.kind === 'change' ? i.told : null])).toEqual([
      ['c:l3', 'no'],
      ['m:a', null],
      ['c:l2', 'elsewhere'],
      ['m:note', null],
      ['c:l1', 'here'],
    ]);
  });

  it('watches the open clock due soonest, breached included, paused ones after, achieved ones left out', () => {
    const sla = {
      clocks: [
        clock({ metric: 'resolution', dueAt: '2026-03-05T10:00:00Z' }),
        clock({ metric: 'first_reply', status: 'achieved', achievedAt: '2026-03-02T11:00:00Z' }),
        clock({ metric: 'next_reply', cycle: 2, status: 'breached', dueAt: '2026-03-03T10:00:00Z' }),
      ],
    };
    expect(nextDue(sla)?.metric).toBe('next_reply');
    expect(nextDue({ clocks: [clock({ metric: 'resolution', status: 'paused', dueAt: null }), sla.clocks[0]!] })?.metric).toBe(
      'resolution',
    );
    expect(nextDue({ clocks: [clock({ status: 'paused', dueAt: null, remainingMinutes: 30 })] })?.status).toBe('paused');
    expect(nextDue({ clocks: [clock({ status: 'achieved', achievedAt: '2026-03-02T11:00:00Z' })] })).toBeNull();
    expect(nextDue(null)).toBeNull();
  });
});

describe('mentions in a note', () => {
  const agents = [
    { id: '1', name: 'Camila Souza', email: 'camila.souza@demo.test' },
    { id: '2', name: 'Mateo Fernández', email: 'mateo@demo.test' },
  ];
  it('finds agents by name without spaces or by e-mail local part, case-insensitively', () => {
    expect(mentionedAgents('cc @CamilaSouza and @mateo please', agents).map((a) => a.id)).toEqual(['1', '2']);
    expect(mentionedAgents('mail camila.souza@demo.test', agents)).toEqual([]);
  });
});
