import { describe, expect, it } from 'vitest';
import { cultureCatalog } from '../culture/culture.js';
import { checkCaps } from './caps.js';
import { checkTone, toneContext, type ToneCustomer } from './check.js';
import { checkDates } from './dates.js';
import type { ToneCode, ToneFinding } from './types.js';

const catalog = cultureCatalog();

const customer = (c: Partial<ToneCustomer>): ToneCustomer => ({ id: 'c1', locale: null, country: null, formality: null, ...c });

function check(language: string, c: Partial<ToneCustomer>, text: string): ToneFinding[] {
  return checkTone(text, toneContext(catalog, customer(c), language).ctx, catalog);
}

/** The findings of one code, as the text their spans cover (null for whole-draft findings). */
const covered = (text: string, findings: ToneFinding[], code: ToneCode): (string | null)[] =>
  findings.filter((f) => f.code === code).map((f) => (f.span ? text.slice(f.span.start, f.span.end) : null));

const codes = (findings: ToneFinding[]): ToneCode[] => [...new Set(findings.map((f) => f.code))].sort();

interface Case {
  language: string;
  customer: Partial<ToneCustomer>;
  text: string;
  code: ToneCode;
  spans: (string | null)[];
  severity?: 'warning' | 'info';
  suggestion?: string;
}

/** Clean drafts: a greeting and closing of the customer's culture, the right "you", no idioms, dates written out. */
const CLEAN: { language: string; customer: Partial<ToneCustomer>; text: string }[] = [
  {
    language: 'en',
    customer: { country: 'US' },
    text: 'Hi Anna,\n\nYour order ships on 4 March 2026. The API and SDK docs are linked below.\n\nThanks,\nSam',
  },
  {
    language: 'en',
    customer: { country: 'GB', formality: 'formal' },
    text: 'Dear Ms Smith,\n\nWe have refunded the X1-PRO order.\n\nKind regards,\nSam',
  },
  {
    language: 'de',
    customer: { country: 'DE' },
    text: 'Sehr geehrte Frau Weber,\n\nwir haben Ihre Bestellung am 4. März 2026 versandt. Sie erhalten eine E-Mail.\n\nMit freundlichen Grüßen\nSam',
  },
  {
    language: 'de',
    customer: { country: 'AT', formality: 'informal' },
    text: 'Hallo Lena,\n\ndein Paket ist unterwegs.\n\nLiebe Grüße\nSam',
  },
  {
    language: 'fr',
    customer: { country: 'FR' },
    text: 'Bonjour Madame Martin,\n\nVotre commande a été expédiée le 4 mars 2026. Nous restons à votre disposition.\n\nCordialement,\nSam',
  },
  {
    language: 'es',
    customer: { country: 'ES', formality: 'formal' },
    text: 'Estimada Sra. García:\n\nSu pedido se envió el 4 de marzo de 2026. ¿Puede usted confirmarlo?\n\nAtentamente,\nSam',
  },
  { language: 'es', customer: { country: 'ES' }, text: 'Hola, Lucía:\n\nTu pedido ya está en camino.\n\nUn saludo,\nSam' },
  {
    language: 'ja',
    customer: { country: 'JP' },
    text: '山田様\n\nいつもお世話になっております。ご注文の商品は2026年3月4日に発送いたしました。\n\n今後ともよろしくお願いいたします。',
  },
];

const CASES: Case[] = [
  // formality_mismatch: informal to a formal customer (warning), formal to an informal one (info).
  {
    language: 'en',
    customer: { country: 'GB', formality: 'formal' },
    text: "Dear Mr Jones,\n\nyeah, we're gonna fix it.\n\nKind regards,",
    code: 'formality_mismatch',
    spans: ['yeah', 'gonna'],
    severity: 'warning',
  },
  {
    language: 'de',
    customer: { country: 'DE' },
    text: 'Guten Tag,\n\nkannst du dein Passwort ändern? Wir helfen dir gern.\n\nMit freundlichen Grüßen',
    code: 'formality_mismatch',
    spans: ['du', 'dein', 'dir'],
    severity: 'warning',
    suggestion: 'Address the customer with Sie.',
  },
  {
    language: 'de',
    customer: { country: 'AT', formality: 'informal' },
    text: 'Hallo Lena,\n\nkönnen Sie Ihre Adresse prüfen?\n\nLiebe Grüße',
    code: 'formality_mismatch',
    spans: ['Sie', 'Ihre'],
    severity: 'info',
    suggestion: 'Address the customer with du.',
  },
  {
    language: 'fr',
    customer: { country: 'FR' },
    text: "Bonjour Madame Martin,\n\nTu peux t'inscrire avec ton adresse.\n\nCordialement,",
    code: 'formality_mismatch',
    spans: ['Tu', "t'", 'ton'],
    severity: 'warning',
    suggestion: 'Address the customer with vous.',
  },
  {
    language: 'fr',
    customer: { country: 'FR', formality: 'informal' },
    text: 'Salut Julie,\n\nPouvez-vous vérifier votre adresse ?\n\nÀ bientôt,',
    code: 'formality_mismatch',
    spans: ['vous', 'votre'],
    severity: 'info',
  },
  {
    language: 'es',
    customer: { country: 'MX', formality: 'formal' },
    text: 'Estimado Sr. López:\n\n¿Puedes enviarnos tu número de pedido? Te ayudamos.\n\nAtentamente,',
    code: 'formality_mismatch',
    spans: ['tu', 'Te'],
    severity: 'warning',
    suggestion: 'Address the customer with usted.',
  },
  {
    language: 'es',
    customer: { country: 'ES', formality: 'informal' },
    text: 'Hola, Lucía:\n\n¿Puede usted confirmar el pedido?\n\nUn saludo,',
    code: 'formality_mismatch',
    spans: ['usted'],
    severity: 'info',
    suggestion: 'Address the customer with tú.',
  },
  {
    language: 'ja',
    customer: { country: 'JP' },
    text: '山田様\n\n注文は発送したよ。明日届くはずだ。\n\nよろしくお願いいたします。',
    code: 'formality_mismatch',
    spans: ['よ', 'だ'],
    severity: 'warning',
  },
  {
    language: 'ja',
    customer: { country: 'JP' },
    text: '山田様\n注文の商品を発送した。明日の午後に届く予定。\nよろしく',
    code: 'formality_mismatch',
    spans: [null],
    severity: 'warning',
  },
  // idiom
  {
    language: 'en',
    customer: { country: 'US' },
    text: "Hi Anna,\n\nI'll touch base ASAP with a ballpark figure; that's low-hanging fruit.\n\nThanks,",
    code: 'idiom',
    spans: ['touch base', 'ASAP', 'ballpark', 'low-hanging fruit'],
    suggestion: 'get in touch',
  },
  {
    language: 'de',
    customer: { country: 'DE' },
    text: 'Guten Tag,\n\nwir melden uns zeitnah, denn Ihre Daten sind das A und O.\n\nMit freundlichen Grüßen',
    code: 'idiom',
    spans: ['zeitnah', 'das A und O'],
  },
  {
    language: 'fr',
    customer: { country: 'FR' },
    text: 'Bonjour Madame Martin,\n\nLe technicien ne va pas vous poser un lapin, il va checker la box.\n\nCordialement,',
    code: 'idiom',
    spans: ['poser un lapin', 'checker'],
  },
  {
    language: 'es',
    customer: { country: 'ES' },
    text: 'Hola, Lucía:\n\nCambiar la contraseña es pan comido; te echamos una mano ahorita.\n\nUn saludo,',
    code: 'idiom',
    spans: ['pan comido', 'ahorita'],
  },
  {
    language: 'ja',
    customer: { country: 'JP' },
    text: '山田様\n\nなるはやでリスケいたします。\n\nよろしくお願いいたします。',
    code: 'idiom',
    spans: ['なるはや', 'リスケ'],
  },
  // ambiguous_date: suggestion in the customer's locale, read the way the draft's language writes dates.
  {
    language: 'en',
    customer: { country: 'US' },
    text: 'Hi Anna,\n\nYour order ships on 03/04/2026 (not 2026/03/04 or 13/04/2026).\n\nThanks,',
    code: 'ambiguous_date',
    spans: ['03/04/2026'],
    suggestion: 'March 4, 2026',
  },
  {
    language: 'de',
    customer: { country: 'DE' },
    text: 'Guten Tag,\n\nwir liefern am 3.4. oder am 05.06.2026. Version 1.2.3 ist installiert.\n\nMit freundlichen Grüßen',
    code: 'ambiguous_date',
    spans: ['3.4.', '05.06.2026'],
    suggestion: '3. April',
  },
  {
    language: 'fr',
    customer: { country: 'FR' },
    text: 'Bonjour Madame Martin,\n\nLa livraison est prévue le 03/04/2026.\n\nCordialement,',
    code: 'ambiguous_date',
    spans: ['03/04/2026'],
    suggestion: '3 avril 2026',
  },
  {
    language: 'es',
    customer: { country: 'ES' },
    text: 'Hola, Lucía:\n\nTe lo enviamos el 03-04-26.\n\nUn saludo,',
    code: 'ambiguous_date',
    spans: ['03-04-26'],
    suggestion: '3 de abril de 2026',
  },
  {
    language: 'ja',
    customer: { country: 'JP' },
    text: '山田様\n\n03/04/2026に発送いたします。\n\nよろしくお願いいたします。',
    code: 'ambiguous_date',
    spans: ['03/04/2026'],
    suggestion: '2026年3月4日',
  },
  // all_caps
  {
    language: 'en',
    customer: { country: 'US' },
    text: 'Hi Anna,\n\nPLEASE DO NOT RESTART THE ROUTER. Then open the NEW SETTINGS page.\n\nThanks,',
    code: 'all_caps',
    spans: ['PLEASE DO NOT RESTART THE ROUTER', 'NEW SETTINGS'],
  },
  {
    language: 'de',
    customer: { country: 'DE' },
    text: 'Guten Tag,\n\nBITTE NICHT LÖSCHEN, die Daten sind WIRKLICH WICHTIG.\n\nMit freundlichen Grüßen',
    code: 'all_caps',
    spans: ['BITTE NICHT LÖSCHEN', 'WIRKLICH WICHTIG'],
  },
  {
    language: 'fr',
    customer: { country: 'FR' },
    text: 'Bonjour Madame Martin,\n\nNE SUPPRIMEZ PAS CE MESSAGE.\n\nCordialement,',
    code: 'all_caps',
    spans: ['NE SUPPRIMEZ PAS CE MESSAGE'],
  },
  {
    language: 'es',
    customer: { country: 'ES' },
    text: 'Hola, Lucía:\n\nNO BORRES NADA TODAVÍA.\n\nUn saludo,',
    code: 'all_caps',
    spans: ['NO BORRES NADA TODAVÍA'],
  },
  {
    language: 'ja',
    customer: { country: 'JP' },
    text: '山田様\n\n至急ＰＬＥＡＳＥ ＣＨＥＣＫをお願いいたします。\n\nよろしくお願いいたします。',
    code: 'all_caps',
    spans: ['ＰＬＥＡＳＥ ＣＨＥＣＫ'],
  },
  // missing_greeting
  {
    language: 'en',
    customer: { country: 'GB', formality: 'formal' },
    text: 'Your refund has been issued.\n\nKind regards,\nSam',
    code: 'missing_greeting',
    spans: [null],
    severity: 'warning',
    suggestion: 'Dear Ms {familyName},',
  },
  {
    language: 'de',
    customer: { country: 'DE' },
    text: 'Ihre Erstattung ist unterwegs.\n\nMit freundlichen Grüßen',
    code: 'missing_greeting',
    spans: [null],
    suggestion: 'Sehr geehrte Frau {familyName},',
  },
  {
    language: 'fr',
    customer: { country: 'FR' },
    text: 'Votre remboursement est en cours.\n\nCordialement,',
    code: 'missing_greeting',
    spans: [null],
  },
  {
    language: 'es',
    customer: { country: 'ES' },
    text: 'Tu reembolso está en camino.\n\nUn saludo,',
    code: 'missing_greeting',
    spans: [null],
    severity: 'info',
  },
  {
    language: 'ja',
    customer: { country: 'JP' },
    text: 'ご返金の手続きが完了いたしました。\n\nよろしくお願いいたします。',
    code: 'missing_greeting',
    spans: [null],
    suggestion: '{familyName}様',
  },
  // missing_closing
  {
    language: 'en',
    customer: { country: 'US' },
    text: 'Hi Anna,\n\nYour refund has been issued.',
    code: 'missing_closing',
    spans: [null],
    severity: 'info',
    suggestion: 'Thanks,',
  },
  {
    language: 'de',
    customer: { country: 'DE' },
    text: 'Sehr geehrter Herr Braun,\n\nIhre Erstattung ist unterwegs.',
    code: 'missing_closing',
    spans: [null],
    severity: 'warning',
    suggestion: 'Mit freundlichen Grüßen',
  },
  {
    language: 'fr',
    customer: { country: 'FR' },
    text: 'Bonjour Monsieur Petit,\n\nVotre remboursement est en cours.',
    code: 'missing_closing',
    spans: [null],
    suggestion: 'Cordialement,',
  },
  {
    language: 'es',
    customer: { country: 'ES' },
    text: 'Hola, Lucía:\n\nTu reembolso está en camino.',
    code: 'missing_closing',
    spans: [null],
  },
  {
    language: 'ja',
    customer: { country: 'JP' },
    text: '山田様\n\nご返金の手続きが完了いたしました。',
    code: 'missing_closing',
    spans: [null],
  },
];

describe('tone check', () => {
  it.each(CLEAN)('finds nothing in a clean $language draft ($customer)', ({ language, customer: c, text }) => {
    expect(check(language, c, text)).toEqual([]);
  });

  it.each(CASES)('$code in $language: $spans', ({ language, customer: c, text, code, spans, severity, suggestion }) => {
    const findings = check(language, c, text);
    expect(covered(text, findings, code)).toEqual(spans);
    const mine = findings.filter((f) => f.code === code);
    if (severity) for (const f of mine) expect(f.severity).toBe(severity);
    if (suggestion) expect(mine[0]!.suggestion).toBe(suggestion);
    // Each example shows one problem only: the rest of the draft is clean.
    expect(codes(findings)).toEqual([code]);
  });

  it('covers every code in every acceptance language', () => {
    const all: ToneCode[] = ['formality_mismatch', 'idiom', 'ambiguous_date', 'all_caps', 'missing_greeting', 'missing_closing'];
    for (const language of ['en', 'de', 'fr', 'es', 'ja']) {
      expect(all.filter((code) => !CASES.some((c) => c.language === language && c.code === code))).toEqual([]);
    }
  });

  it('reports spans as UTF-16 offsets, past astral characters', () => {
    const text = 'Hi Anna 👋,\n\nsee you on 03/04/2026.\n\nThanks,';
    const [f] = check('en', { country: 'US' }, text).filter((x) => x.code === 'ambiguous_date');
    expect(f!.span).toEqual({ start: text.indexOf('03/04'), end: text.indexOf('03/04') + 10 });
  });

  it('never changes the draft: findings only', () => {
    const text = 'kannst du das ASAP machen?';
    const copy = `${text}`;
    check('de', { country: 'DE' }, text);
    expect(text).toBe(copy);
  });

  it('leaves unambiguous dates, decimals, versions and ranges alone', () => {
    const ctx = { locale: 'en-US', dateOrder: 'mdy' as const };
    for (const text of [
      '04/04/2026',
      '2026-03-04',
      '2026/03/04',
      '13/04/2026',
      '3.4 GB',
      'v1.2.3',
      'pages 3-4',
      '3/4 of users',
      '12.30 Uhr',
    ]) {
      expect(checkDates(text, ctx), text).toEqual([]);
    }
  });

  it('ignores acronyms and product names in capitals', () => {
    for (const text of [
      'Open the API docs, then the SDK.',
      'The X1-PRO and RTX 4090 ship today.',
      'Use PDF, CSV or JSON.',
      'I read the FAQ.',
    ]) {
      expect(checkCaps(text), text).toEqual([]);
    }
    expect(checkCaps('URGENT NOTICE').map((f) => f.span)).toEqual([{ start: 0, end: 13 }]);
  });

  it("judges a customer with no known culture by the draft language's culture and their stated formality", () => {
    const { culture, ctx } = toneContext(catalog, customer({ formality: 'informal' }), 'de');
    expect(culture).toEqual({ locale: 'de-DE', formality: 'informal', formalitySource: 'customer' });
    expect(ctx.greetings).toEqual(catalog.byLocale.get('de-DE')!.greetings.informal);
    const stated = toneContext(catalog, customer({ locale: 'fr-CA', country: 'CA' }), 'fr').culture;
    expect(stated).toEqual({ locale: 'fr-CA', formality: catalog.byLocale.get('fr-CA')!.formality.default, formalitySource: 'culture' });
  });

  it('uses the greetings of the draft language when the customer reads another one', () => {
    const { ctx, culture } = toneContext(catalog, customer({ country: 'JP' }), 'en');
    expect(culture.locale).toBe('ja-JP');
    expect(ctx.formality).toBe('formal');
    expect(ctx.greetings).toEqual(catalog.byLocale.get('en-US')!.greetings.formal);
  });
});
