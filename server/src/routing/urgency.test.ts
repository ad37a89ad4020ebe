import { describe, expect, it } from 'vitest';
import type { RoutingConversation } from './types.js';
import { DEFAULT_URGENCY, DEFAULT_URGENCY_CUES, detectUrgency, findUrgencyCue } from './urgency.js';

const cue = (text: string, language: string | null) => findUrgencyCue(text, language, DEFAULT_URGENCY_CUES)?.cue ?? null;

const conversation = (over: Partial<RoutingConversation>): RoutingConversation => ({
  language: 'en',
  priority: 'normal',
  channel: 'email',
  customer: { country: null, region: null, tier: null },
  tags: [],
  text: '',
  ...over,
});

describe('findUrgencyCue', () => {
  it.each([
    ['en', 'Our checkout is DOWN since 9am', 'is down$'],
    ['en', 'Please call me asap.', 'asap$'],
    ['de', 'Bitte dringend zurückrufen', 'dringend'],
    ['de', 'Das ist eine DRINGENDE Anfrage', 'dringend'],
    ['fr', 'Le service est en panne depuis ce matin', 'en panne'],
    ['fr', "C'est une URGENCE", 'urgence'],
    ['es', 'Es urgente, el sistema está caído', 'urgente'],
    ['pt', 'Nosso site está fora do ar', 'fora do ar'],
    ['pt', 'Preciso de ajuda com urgencia', 'urgência'],
    ['ja', '至急ご対応お願いします', '至急'],
    ['ja', 'サーバーがダウンしています', 'ダウン'],
  ])('%s: finds the cue in "%s"', (language, text, expected) => {
    expect(cue(text, language)).toBe(expected);
  });

  it('ignores accents and case both ways: "URGÊNCIA", "urgência" and "urgencia" are one cue', () => {
    expect(cue('URGÊNCIA!', 'pt')).toBe('urgência');
    expect(cue('Immediatement svp', 'fr')).toBe('immédiatement');
  });

  it('matches at word starts only: "insurgente" and "resofort" are not urgent', () => {
    expect(cue('La fuerza insurgente', 'es')).toBeNull();
    expect(cue('Wir bestellen resofortige Ware', 'de')).toBeNull();
  });

  it('a cue ending in $ must end the word: "is down" is an outage, "is downloading" is not', () => {
    expect(cue('The app is downloading updates', 'en')).toBeNull();
    expect(cue('The app is down.', 'en')).toBe('is down$');
  });

  it('matches Japanese inside running text, and keeps voiced kana apart (ダウン is not タウン)', () => {
    expect(cue('本日大至急で', 'ja')).toBe('至急');
    expect(cue('タウン情報の件です', 'ja')).toBeNull();
  });

  it('folds full-width Latin', () => {
    expect(cue('ＵＲＧＥＮＴ please', 'en')).toBe('urgent');
  });

  it('checks English cues for every language, and every list when the language is unknown', () => {
    expect(cue('Der Server ist down, ASAP bitte', 'de')).toBe('ist down$');
    expect(cue('Production outage', 'ja')).toBe('outage');
    expect(cue('至急', null)).toBe('至急');
    expect(cue('至急', 'de')).toBeNull();
  });

  it('reports the language whose list matched', () => {
    expect(findUrgencyCue('Urgent !', 'fr', DEFAULT_URGENCY_CUES)).toEqual({ cue: 'urgent', language: 'fr' });
  });
});

describe('detectUrgency', () => {
  it('is urgent by priority before looking at the text', () => {
    expect(detectUrgency(conversation({ priority: 'urgent', text: 'hello' }), DEFAULT_URGENCY)).toEqual({
      by: 'priority',
      priority: 'urgent',
    });
  });

  it('uses the lead priorities and cue lists when given', () => {
    const settings = { priorities: ['high' as const], cues: { de: ['sofort'] } };
    expect(detectUrgency(conversation({ priority: 'urgent' }), settings)).toBeNull();
    expect(detectUrgency(conversation({ priority: 'high' }), settings)).toEqual({ by: 'priority', priority: 'high' });
    expect(detectUrgency(conversation({ language: 'de-AT', text: 'Bitte SOFORT' }), settings)).toEqual({
      by: 'cue',
      cue: 'sofort',
      language: 'de',
    });
  });

  it('is not urgent without priority or cue', () => {
    expect(detectUrgency(conversation({ text: 'How do I change my invoice address?' }), DEFAULT_URGENCY)).toBeNull();
  });
});
