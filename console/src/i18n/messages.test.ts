import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { LOCALES, negotiate } from './locales';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'messages');
const load = (file: string) => JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Record<string, string>;
const en = load('en.json');

describe('console messages', () => {
  it('has one file per UI locale and no other', () => {
    expect(readdirSync(dir).sort()).toEqual(LOCALES.map((l) => `${l}.json`).sort());
  });

  it.each(LOCALES.filter((l) => l !== 'en'))('%s has exactly the keys of en, translated', (locale) => {
    const m = load(`${locale}.json`);
    expect(Object.keys(m).sort()).toEqual(Object.keys(en).sort());
    // Names, single words and placeholder-only strings may match English; the UI's phrases must not.
    const same = Object.keys(en).filter((k) => m[k] === en[k] && /\p{L}+\s+\p{L}+/u.test(en[k]!.replace(/\{[^}]*\}/g, '')));
    expect(same).toEqual([]);
  });

  it.each(LOCALES)('every %s message parses as ICU and formats with sample values', (locale) => {
    const m = load(`${locale}.json`);
    for (const [id, text] of Object.entries(m)) {
      let out = '';
      expect(() => {
        out = String(
          new IntlMessageFormat(text, locale).format({
            count: 2,
            since: new Date(0),
            status: 'open',
            name: 'Ana',
            role: 'Agent',
            id: 'x',
            message: 'm',
            // The conversation view's arguments.
            when: new Date(0),
            author: 'Ana',
            language: 'Spanish',
            time: '5 min',
            text: 't',
            names: 'Ana',
            subject: 'Fatura',
            metric: 'first_reply',
            event: 'breached',
            trigger: 'created',
            priority: 'normal',
            channel: 'email',
            formality: 'formal',
            size: 3,
            flags: 'f',
            // The settings and reports pages' arguments.
            what: 'Teams',
            zone: 'Europe/Berlin',
            teams: 'Berlin = x',
            minutes: 30,
            by: 'Language',
            share: '50%',
            met: 1,
            targets: 2,
            weeks: 4,
            // The settings editors' rows.
            position: 2,
            // A linked change on the conversation timeline.
            state: 'here',
            title: 'Portuguese invoices',
            // The Changes page and the Feedback page's selection.
            already: 1,
            told: 1,
            score: 4,
            // The survey settings' placeholder hint.
            placeholder: 'x',
          }),
        );
      }, `${locale} ${id}`).not.toThrow();
      expect(out, `${locale} ${id}`).not.toMatch(/[{}]/);
    }
  });

  it('negotiates a UI locale from browser languages by primary subtag', () => {
    expect(negotiate(['pt-BR', 'en'])).toBe('pt');
    expect(negotiate(['nl-NL', 'de-AT'])).toBe('de');
    expect(negotiate(['nl'])).toBeNull();
  });
});
