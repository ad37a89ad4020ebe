import type { CultureProfile } from '../culture.schema.js';
import { eastAsia } from './east-asia.js';
import { english } from './english.js';
import { frenchItalianRomanian } from './french-italian-romanian.js';
import { germanDutch } from './german-dutch.js';
import { hungarianGreekTurkish } from './hungarian-greek-turkish.js';
import { middleEast } from './middle-east.js';
import { nordic } from './nordic.js';
import { slavic } from './slavic.js';
import { southAsia } from './south-asia.js';
import { southeastAsia } from './southeast-asia.js';
import { spanishPortuguese } from './spanish-portuguese.js';

/** Every built-in profile. Validated at start-up by loadCultureCatalog (culture.ts). */
export const PROFILES: CultureProfile[] = [
  ...germanDutch,
  ...nordic,
  ...english,
  ...frenchItalianRomanian,
  ...spanishPortuguese,
  ...slavic,
  ...hungarianGreekTurkish,
  ...middleEast,
  ...southAsia,
  ...eastAsia,
  ...southeastAsia,
];

/**
 * Tags that map to a profile of the same language other than their language default, keyed by
 * language-script or language-region (or a bare language). Applied after an exact match fails.
 */
export const ALIASES: Record<string, string> = {
  // Script decides the written conventions of Chinese: Traditional → Taiwan, Simplified → mainland.
  'zh-Hant': 'zh-TW',
  'zh-Hans': 'zh-CN',
  // Latin American Spanish.
  'es-419': 'es-MX',
  // Closest documented variety.
  'en-NZ': 'en-AU',
  'en-IE': 'en-GB',
  'pt-AO': 'pt-PT',
  'pt-MZ': 'pt-PT',
  'pt-CV': 'pt-PT',
  // Macrolanguage "Norwegian" → Bokmål.
  no: 'nb-NO',
};
