/**
 * Keeps what must not be translated or must not leave the server out of the provider's hands:
 * PII (emails, phone numbers, payment cards, IBANs), URLs, glossary and do-not-translate terms,
 * code and template placeholders. Each span is swapped for an opaque token (`XMRD<n>X`: engines
 * treat it as an unknown proper noun and copy it) and put back after translation.
 */

export type SpanKind = 'email' | 'url' | 'phone' | 'card' | 'iban' | 'code' | 'placeholder' | 'term';
export const PII_KINDS: ReadonlySet<SpanKind> = new Set(['email', 'phone', 'card', 'iban']);

export interface ProtectedSpan {
  token: string;
  kind: SpanKind;
  original: string;
  /** For glossary terms: what to put back in the target language (else the original). */
  replacement: string;
}

export interface GlossaryEntry {
  term: string;
  /** Target-language rendering; absent = keep the term as it is (do-not-translate). */
  translation?: string;
  caseSensitive?: boolean;
}

const luhn = (digits: string): boolean => {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
};

const ibanValid = (raw: string): boolean => {
  const s = raw.replace(/\s+/g, '').toUpperCase();
  const moved = s.slice(4) + s.slice(0, 4);
  let rem = 0;
  for (const ch of moved) {
    const v = ch >= 'A' ? ch.charCodeAt(0) - 55 : Number(ch);
    rem = Number(String(rem) + String(v)) % 97;
  }
  return rem === 1;
};

interface Detector {
  kind: SpanKind;
  re: RegExp;
  accept?: (m: string) => boolean;
}

// Order matters: earlier detectors claim their spans first (a URL containing an email stays a URL).
const DETECTORS: Detector[] = [
  { kind: 'code', re: /`[^`\n]{1,200}`/g },
  { kind: 'placeholder', re: /\{\{\s*[\w.]+\s*\}\}|\{[A-Za-z_][\w.]*\}|%[sd]|%\([\w]+\)[sd]/g },
  { kind: 'url', re: /\b(?:https?:\/\/|www\.)[^\s<>"']+[^\s<>"'.,;:!?)]/gi },
  { kind: 'email', re: /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu },
  { kind: 'iban', re: /\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?\b/g, accept: ibanValid },
  { kind: 'card', re: /\b\d(?:[ -]?\d){12,18}\b/g, accept: (m) => luhn(m.replace(/\D/g, '')) },
  // International (+CC …), or national with a trunk 0 or an area code in brackets; 7+ digits.
  // Bare digit groups (order numbers, dates, amounts) stay text: they need no translation anyway.
  {
    kind: 'phone',
    re: /(?:\+\d{1,3}[\s.-]?|\(0?\d{1,4}\)[\s.-]?|\b0)\d{1,4}(?:[\s.-]?\d{2,4}){1,4}\b/g,
    accept: (m) => m.replace(/\D/g, '').length >= 7 && !/^\d{4}-\d{2}-\d{2}$/.test(m),
  },
];

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface Protected {
  text: string;
  spans: ProtectedSpan[];
}

/** Replaces protected spans with tokens. In HTML, tags are left alone and only text is scanned. */
export function protect(text: string, opts: { glossary?: GlossaryEntry[]; format?: 'text' | 'html' } = {}): Protected {
  const spans: ProtectedSpan[] = [];
  const tokenFor = (kind: SpanKind, original: string, replacement = original): string => {
    const token = `XMRD${spans.length + 1}X`;
    spans.push({ token, kind, original, replacement });
    return token;
  };

  const scan = (chunk: string): string => {
    let out = chunk;
    // Glossary first: product names must not be mistaken for anything else, and longest terms win.
    const terms = [...(opts.glossary ?? [])].sort((a, b) => b.term.length - a.term.length);
    for (const g of terms) {
      if (!g.term.trim()) continue;
      const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(g.term)}(?![\\p{L}\\p{N}])`, g.caseSensitive ? 'gu' : 'giu');
      out = out.replace(re, (m) => tokenFor('term', m, g.translation ?? m));
    }
    for (const d of DETECTORS) {
      out = out.replace(d.re, (m) => (/XMRD\d+X/.test(m) || (d.accept && !d.accept(m)) ? m : tokenFor(d.kind, m)));
    }
    return out;
  };

  if (opts.format !== 'html') return { text: scan(text), spans };
  // Scan text between tags only: attributes (href="mailto:…") are not sent for translation
  // by HTML-aware engines, and rewriting them could break the markup.
  const out = text.replace(/([^<]+)|(<[^>]*>)/g, (_m, txt: string | undefined, tag: string | undefined) =>
    txt !== undefined ? scan(txt) : tag!,
  );
  return { text: out, spans };
}

/** Puts the spans back. Tokens the engine dropped or mangled are reported, never silently lost. */
export function restore(translated: string, spans: ProtectedSpan[]): { text: string; lost: ProtectedSpan[] } {
  const byToken = new Map(spans.map((s) => [s.token.toUpperCase(), s]));
  const found = new Set<string>();
  const text = translated.replace(/\*?\bXMRD(\d+)X\b/gi, (m, n: string) => {
    const span = byToken.get(`XMRD${n}X`);
    if (!span) return m;
    found.add(span.token);
    return span.replacement;
  });
  return { text, lost: spans.filter((s) => !found.has(s.token)) };
}
