import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { ja } from './ja.js';
import type { Lexicon } from './types.js';

export type { Lexicon } from './types.js';

/** Tone data by base language. A language without an entry gets no idiom findings. */
export const LEXICONS: Readonly<Record<string, Lexicon>> = { en, de, fr, es, ja };
