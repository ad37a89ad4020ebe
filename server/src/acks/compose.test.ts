import { describe, expect, it } from 'vitest';
import { compileCalendar } from '../calendars/index.js';
import { demoTeams } from '../demo/demo-data.js';
import { demoCalendar } from '../routing/demo-setup.js';
import { composeAck, languageChain, turkishDative } from './compose.js';
import { promiseEta } from './eta.js';
import { ACK_TEXTS } from './texts.js';

const calendar = (key: string) => compileCalendar(demoCalendar(demoTeams.find((t) => t.key === key)!));

/** The promise for a team at `now` with a quiet queue (median 30 business minutes, a reply every 10, nobody ahead). */
const promise = (team: string, now: string, timeZone: string) =>
  promiseEta({ now: new Date(now), calendar: calendar(team), medianMinutes: 30, replyGapMinutes: 10, queueAhead: 0, agents: 2, timeZone })!
    .due;

describe('the three customers of the acceptance', () => {
  it('a Japanese customer in Tokyo, writing at 23:00 on a Monday, reads Tuesday 10:30 in Japanese', () => {
    const now = '2026-03-02T14:00:00Z';
    const due = promise('tokyo', now, 'Asia/Tokyo');
    const ack = composeAck({
      now: new Date(now),
      due,
      locale: 'ja-JP',
      formality: null,
      timeZone: 'Asia/Tokyo',
      fallbackZone: 'Asia/Tokyo',
    });
    expect(ack).toMatchObject({ language: 'ja', formatLocale: 'ja-JP', day: 'tomorrow', zoneKnown: true });
    expect(ack.text).toBe('お問い合わせありがとうございます。明日10:30（現地時間）までにご返信いたします。');
  });

  it('a German customer in Munich, writing on a Friday evening, is addressed with Sie and promised Monday', () => {
    const now = '2026-03-06T17:10:00Z'; // Fri 18:10 CET: Berlin closed
    const due = promise('berlin', now, 'Europe/Berlin');
    const ack = composeAck({
      now: new Date(now),
      due,
      locale: 'de-DE',
      formality: 'formal',
      timeZone: 'Europe/Berlin',
      fallbackZone: 'UTC',
    });
    expect(ack.text).toBe('Vielen Dank für Ihre Nachricht. Wir melden uns bei Ihnen bis Montag, 09:30 Uhr (Ihre Zeit).');
    const du = composeAck({
      now: new Date(now),
      due,
      locale: 'de-DE',
      formality: 'informal',
      timeZone: 'Europe/Berlin',
      fallbackZone: 'UTC',
    });
    expect(du.text).toBe('Danke für deine Nachricht. Wir melden uns bei dir bis Montag, 09:30 Uhr (deine Zeit).');
  });

  it('a Brazilian in São Paulo, writing the evening before Tiradentes, is promised Wednesday in Portuguese', () => {
    const now = '2026-04-20T20:30:00Z'; // Mon 17:30 BRT; Tue 21 April is a public holiday
    const due = promise('sao-paulo', now, 'America/Sao_Paulo');
    const ack = composeAck({
      now: new Date(now),
      due,
      locale: 'pt-BR',
      formality: null,
      timeZone: 'America/Sao_Paulo',
      fallbackZone: 'UTC',
    });
    expect(ack).toMatchObject({ language: 'pt', formatLocale: 'pt-BR', day: 'weekday' });
    expect(ack.text).toBe('Obrigado pela sua mensagem. Responderemos até quarta-feira às 10:00 (horário local).');
  });
});

describe('composeAck', () => {
  const now = new Date('2026-03-02T09:00:00Z'); // Monday
  // Intl separates "3:30 PM" with a narrow no-break space (U+202F), "7:00 a.m." with U+00A0: shown as plain spaces here.
  const compose = (locale: string | null, due: string, more: Partial<Parameters<typeof composeAck>[0]> = {}) => {
    const ack = composeAck({ now, due: new Date(due), locale, formality: null, timeZone: 'UTC', fallbackZone: 'UTC', ...more });
    return { ...ack, text: ack.text.replace(/[\u00a0\u202f]/g, ' ') };
  };

  it('renders every language (30+), formal and informal, for each kind of day, with nothing left unformatted', () => {
    const keys = Object.keys(ACK_TEXTS);
    expect(keys.length).toBeGreaterThanOrEqual(30);
    const dues = {
      today: '2026-03-02T13:00:00Z',
      tomorrow: '2026-03-03T01:15:00Z',
      weekday: '2026-03-05T13:30:00Z',
      other: '2026-03-20T08:45:00Z',
    };
    const seen = new Set<string>();
    for (const key of keys) {
      for (const formality of ['formal', 'informal'] as const) {
        for (const [day, due] of Object.entries(dues)) {
          const ack = compose(key, due, { formality });
          expect(ack, `${key} ${formality} ${day}`).toMatchObject({ language: key, day });
          expect(ack.text, `${key} ${day}`).not.toMatch(/[{}]/);
          expect(ack.text.length, key).toBeLessThan(220);
          seen.add(ack.text);
        }
      }
    }
    // Every language and every informal variant says something of its own.
    const informal = keys.filter((k) => ACK_TEXTS[k]!.informal).length;
    expect(seen.size).toBe((keys.length + informal) * 4);
  });

  it('says today / tomorrow by the customer’s local date, not UTC’s', () => {
    // 23:30 UTC on Monday is already Tuesday 08:30 in Tokyo, and still Monday 15:30 in Los Angeles.
    const due = '2026-03-02T23:30:00Z';
    expect(compose('ja', due, { timeZone: 'Asia/Tokyo' }).day).toBe('tomorrow');
    expect(compose('en-US', due, { timeZone: 'America/Los_Angeles' })).toMatchObject({ day: 'today' });
    expect(compose('en-US', due, { timeZone: 'America/Los_Angeles' }).text).toBe(
      'Thank you for your message. We will reply by 3:30 PM today (your time).',
    );
    expect(compose('en-GB', '2026-03-12T10:00:00Z').text).toBe(
      'Thank you for your message. We will reply by 10:00 on 12 March (your time).',
    );
  });

  it('names the zone it used when the customer’s is unknown', () => {
    const ack = compose('de', '2026-03-02T13:00:00Z', { timeZone: null, fallbackZone: 'Europe/Berlin' });
    expect(ack).toMatchObject({ zoneKnown: false, timeZone: 'Europe/Berlin' });
    expect(ack.text).toBe('Vielen Dank für Ihre Nachricht. Wir melden uns bei Ihnen heute bis 14:00 Uhr (GMT+1).');
  });

  it('inflects where the language needs it: weekdays (pl, ru, fi, el), articles (es, el), the Turkish suffix', () => {
    const thursday = '2026-03-05T13:00:00Z';
    expect(compose('pl', thursday).text).toBe('Dziękujemy za wiadomość. Odpowiemy w czwartek do godz. 13:00 (czasu lokalnego).');
    expect(compose('ru', '2026-03-03T13:00:00Z').text).toBe('Спасибо за сообщение. Мы ответим завтра до 13:00 (по местному времени).');
    expect(compose('fi', thursday).text).toContain('viimeistään torstaina klo 13.00');
    expect(compose('es-MX', thursday, { timeZone: 'America/Mexico_City' }).text).toContain('el jueves antes de las 7:00 a.m.');
    expect(compose('es-MX', '2026-03-02T19:30:00Z', { timeZone: 'America/Mexico_City' }).text).toContain('hoy antes de la 1:30 p.m.');
    expect(compose('el', thursday).text).toContain('την Πέμπτη έως τη 1:00 μ.μ.');
    expect(compose('tr', thursday).text).toBe(
      "Mesajınız için teşekkür ederiz. Size en geç Perşembe saat 13:00'e kadar yanıt vereceğiz (yerel saatle).",
    );
    expect([turkishDative(9, 30), turkishDative(10, 0), turkishDative(12, 0), turkishDative(16, 0), turkishDative(9, 45)]).toEqual([
      "'a",
      "'a",
      "'ye",
      "'ya",
      "'e",
    ]);
  });

  it('keeps the customer’s locale conventions for formatting (en-US 12-hour, de-AT months)', () => {
    expect(compose('en-US', '2026-03-02T13:00:00Z').formatLocale).toBe('en-US');
    expect(compose('de-AT', '2026-01-20T08:00:00Z', { now: new Date('2026-01-02T09:00:00Z') }).text).toContain(
      'bis zum 20. Jänner, 08:00 Uhr',
    );
  });
});

describe('languageChain', () => {
  it('falls back from region to language to English, through scripts and the culture aliases', () => {
    expect(languageChain('pt-BR')).toEqual(['pt', 'en']);
    expect(languageChain('pt-PT')).toEqual(['pt-PT', 'pt', 'en']);
    expect(languageChain('pt-AO')[0]).toBe('pt-PT');
    expect(languageChain('zh-TW')[0]).toBe('zh-Hant');
    expect(languageChain('zh-HK')[0]).toBe('zh-Hant');
    expect(languageChain('zh')[0]).toBe('zh-Hans');
    expect(languageChain('zh-Hans-SG')[0]).toBe('zh-Hans');
    expect(languageChain('no')[0]).toBe('nb');
    expect(languageChain('de-CH')).toEqual(['de', 'en']);
    expect(languageChain('sr-RS')).toEqual(['en']);
    expect(languageChain('not a tag!')).toEqual(['en']);
    expect(languageChain(null)).toEqual(['en']);
  });
});
