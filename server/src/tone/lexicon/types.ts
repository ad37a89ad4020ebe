/** Per-language tone data. Phrases are matched as whole words, case-insensitive; a trailing `*` matches any word ending. */
export interface Lexicon {
  /** Idioms and jargon that machine translation and non-native readers tend to get wrong. */
  idioms: readonly { phrase: string; suggestion: string }[];
  /** Greeting openings beyond the culture profiles' examples (matched at the start of the first lines). */
  greetings: readonly string[];
  /** Informal register a formally addressed customer should not get, in languages without a T/V pair (en: gonna, yeah). */
  informal?: readonly string[];
  /** Closing formulas beyond the culture profiles' examples (matched at the start of the last lines). */
  closings: readonly string[];
}
