import type { FormalityLevel } from '../culture/culture.schema.js';

export type ToneCode = 'formality_mismatch' | 'idiom' | 'ambiguous_date' | 'all_caps' | 'missing_greeting' | 'missing_closing';

/** UTF-16 offsets into the draft, end exclusive (like String.prototype.slice). */
export interface Span {
  start: number;
  end: number;
}

/** Advice about a draft; the checker never edits the text. */
export interface ToneFinding {
  code: ToneCode;
  severity: 'warning' | 'info';
  message: string;
  span: Span | null;
  suggestion?: string;
}

/** What the checker knows about the customer and the draft, resolved by `toneContext`. */
export interface ToneContext {
  /** The draft's language (base subtag, lower case: "de"). */
  language: string;
  /** The customer's locale, for writing dates the way they read them. */
  locale: string;
  /** How the customer is to be addressed, when known. */
  formality: FormalityLevel | null;
  /** The formal and informal "you" of the draft's language, for suggestions. */
  tvForms: { informal: string; formal: string } | null;
  /** Numeric date order of the draft's language: which number the writer most likely meant first. */
  dateOrder: 'dmy' | 'mdy' | 'ymd';
  /** Greetings and closings the customer's culture expects (empty: no expectation), in the draft's language. */
  greetings: readonly string[];
  closings: readonly string[];
}
