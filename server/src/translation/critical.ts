import { primaryLanguage } from '../lib/language-tag.js';

/**
 * Critical content: replies about refunds, legal matters, security and billing disputes must not
 * reach a customer machine-translated unless an agent fluent in the customer's language approved
 * them. Keywords per category and language; matched on word starts, case- and accent-insensitive,
 * in both the agent's text and the translation.
 */
export type BuiltInCategory = 'refund' | 'legal' | 'security' | 'billing_dispute';
/** A built-in category or one a workspace defined ('warranty', 'medical', …). */
export type CriticalCategory = string;
/** Category → language (primary subtag) → keywords. Workspaces may replace the defaults. */
export type CriticalKeywordLists = Record<CriticalCategory, Record<string, string[]>>;

export const DEFAULT_CRITICAL_KEYWORDS: Record<BuiltInCategory, Record<string, string[]>> = {
  refund: {
    en: ['refund', 'reimburse', 'money back', 'credit note'],
    de: ['erstattung', 'rückerstattung', 'zurückerstatt', 'gutschrift', 'geld zurück'],
    es: ['reembols', 'devolución del dinero', 'nota de crédito'],
    pt: ['reembols', 'estorn', 'devolução do dinheiro'],
    fr: ['rembourse', 'note de crédit'],
  },
  legal: {
    en: ['lawyer', 'attorney', 'legal action', 'lawsuit', 'court', 'liability', 'gdpr'],
    de: ['anwalt', 'rechtliche schritte', 'klage', 'gericht', 'haftung', 'dsgvo'],
    es: ['abogado', 'acción legal', 'demanda', 'tribunal', 'responsabilidad legal', 'rgpd'],
    pt: ['advogado', 'ação judicial', 'processo judicial', 'tribunal', 'lgpd'],
    fr: ['avocat', 'action en justice', 'tribunal', 'responsabilité', 'rgpd'],
  },
  security: {
    en: ['password', 'security breach', 'hacked', 'compromised', 'two-factor', '2fa', 'phishing'],
    de: ['passwort', 'kennwort', 'sicherheitsvorfall', 'gehackt', 'kompromittiert', 'zwei-faktor'],
    es: ['contraseña', 'brecha de seguridad', 'hackead', 'comprometid', 'dos factores'],
    pt: ['senha', 'violação de segurança', 'hackead', 'comprometid', 'dois fatores'],
    fr: ['mot de passe', 'faille de sécurité', 'piraté', 'compromis', 'double authentification'],
  },
  billing_dispute: {
    en: ['chargeback', 'dispute', 'double charged', 'charged twice', 'overcharged'],
    de: ['rückbuchung', 'widerspruch', 'doppelt belastet', 'zu viel berechnet'],
    es: ['contracargo', 'disputa', 'cobrado dos veces', 'cobro duplicado'],
    pt: ['chargeback', 'contestação', 'cobrado duas vezes', 'cobrança duplicada'],
    fr: ['rétrofacturation', 'litige', 'débité deux fois', 'double prélèvement'],
  },
};

export interface CriticalFinding {
  category: CriticalCategory;
  term: string;
  language: string;
}

const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Finds critical keywords in texts given with their languages. */
export function findCritical(
  texts: { text: string; language: string }[],
  keywords: CriticalKeywordLists = DEFAULT_CRITICAL_KEYWORDS,
): CriticalFinding[] {
  const found: CriticalFinding[] = [];
  for (const { text, language } of texts) {
    const lang = primaryLanguage(language);
    const hay = ` ${fold(text)}`;
    for (const [category, byLang] of Object.entries(keywords)) {
      for (const term of byLang[lang] ?? []) {
        // Word start: "refund" matches "refunded" but "avoir" does not match "savoir".
        if (new RegExp(`[^\\p{L}\\p{N}]${fold(term).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'u').test(hay)) {
          if (!found.some((f) => f.category === category && f.language === lang)) found.push({ category, term, language: lang });
        }
      }
    }
  }
  return found;
}
