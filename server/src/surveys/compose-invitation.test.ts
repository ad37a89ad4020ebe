import { describe, expect, it } from 'vitest';
import { composeInvitation, overrideFor } from './compose-invitation.js';
import { surveyTexts } from './survey-texts.js';

const url = 'https://help.example.com/s/v1.tok';
const en = surveyTexts('en').texts;

describe('the survey invitation', () => {
  it('e-mail: the opening line, the question, one one-click link per CSAT score with the ends labelled', () => {
    const inv = composeInvitation({ kind: 'csat', channel: 'email', locale: 'en-GB', workspaceName: 'Acme', url });
    expect(inv.language).toBe('en');
    expect(inv.subject).toBe(en.subject.replaceAll('{workspace}', 'Acme'));
    expect(inv.text.split('\n')).toEqual([
      en.invitation.replaceAll('{workspace}', 'Acme'),
      '',
      en.question.csat,
      '',
      `1 – ${en.low.csat}: ${url}?score=1`,
      `2: ${url}?score=2`,
      `3: ${url}?score=3`,
      `4: ${url}?score=4`,
      `5 – ${en.high.csat}: ${url}?score=5`,
    ]);
    expect(inv.text).not.toContain('{workspace}');
  });

  it('NPS links run 0–10 and CES 1–7', () => {
    const scores = (kind: 'nps' | 'ces') =>
      [...composeInvitation({ kind, channel: 'email', locale: null, workspaceName: 'Acme', url }).text.matchAll(/\?score=(\d+)/g)].map(
        (m) => Number(m[1]),
      );
    expect(scores('nps')).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(scores('ces')).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(composeInvitation({ kind: 'nps', channel: 'email', locale: null, workspaceName: 'Acme', url }).text).toContain(
      en.question.nps.replaceAll('{workspace}', 'Acme'),
    );
  });

  it('chat and SMS get one link to the page, no score list', () => {
    for (const channel of ['chat', 'sms', 'whatsapp']) {
      const text = composeInvitation({ kind: 'csat', channel, locale: 'en', workspaceName: 'Acme', url }).text;
      expect(text.endsWith(`${en.openLink} ${url}`), channel).toBe(true);
      expect(text).not.toContain('?score=');
    }
  });

  it('a workspace’s rewording wins for its locale, falls back by language, and fills {workspace}', () => {
    const overrides = {
      'es-MX': { question: '¿Qué tal {workspace}?' },
      en: { invitation: 'Thanks from {workspace}!', subject: 'Rate us' },
    };
    const mx = composeInvitation({ kind: 'csat', channel: 'chat', locale: 'es-MX', workspaceName: 'Acme', url, overrides });
    expect(mx.text).toContain('¿Qué tal Acme?');
    const gb = composeInvitation({ kind: 'csat', channel: 'chat', locale: 'en-GB', workspaceName: 'Acme', url, overrides });
    expect(gb.text.split('\n')[0]).toBe('Thanks from Acme!');
    expect(gb.subject).toBe('Rate us');
    expect(gb.text).toContain(en.question.csat);
    expect(overrideFor(overrides, 'es-MX', 'es')).toEqual({ question: '¿Qué tal {workspace}?' });
    expect(overrideFor(overrides, 'es-ES', 'es')).toEqual({});
    // A locale without shipped texts reads English, and the English rewording with it.
    expect(overrideFor(overrides, 'eu', 'en')).toEqual(overrides.en);
  });
});
