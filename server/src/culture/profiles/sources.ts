/**
 * Public references the culture profiles cite. Date and number formats and weekend days come from
 * Unicode CLDR (as shipped in Node's ICU, checked by culture.test.ts); forms of address, greetings
 * and notes from the language references listed with each profile.
 */
const src = (title: string, url: string) => ({ title, url });
const wiki = (article: string, title = `Wikipedia: ${article.replaceAll('_', ' ')}`) =>
  src(title, `https://en.wikipedia.org/wiki/${article}`);

export const CLDR = src('Unicode CLDR (dates, numbers, week data)', 'https://cldr.unicode.org/');
export const LDML_WEEK = src('Unicode LDML part 4: week data', 'https://unicode.org/reports/tr35/tr35-dates.html#Week_Data');
export const MS_STYLE = src(
  'Microsoft localization style guides',
  'https://learn.microsoft.com/en-us/globalization/reference/microsoft-style-guides',
);
export const TV = wiki('T%E2%80%93V_distinction', 'Wikipedia: T–V distinction');
export const WEEKEND = wiki('Workweek_and_weekend');
export const PERSONAL_NAME = wiki('Personal_name');

export const W = {
  arabicName: wiki('Arabic_name'),
  australianEnglish: wiki('Australian_English'),
  austrianGerman: wiki('Austrian_German'),
  brazilianPortuguese: wiki('Brazilian_Portuguese'),
  chineseHonorifics: wiki('Chinese_honorifics'),
  chineseName: wiki('Chinese_name'),
  chinaHolidays: wiki('Public_holidays_in_China'),
  czechName: wiki('Czech_name'),
  dutchName: wiki('Dutch_name'),
  englishHonorifics: wiki('English_honorifics'),
  europeanPortuguese: wiki('European_Portuguese'),
  filipinoHonorifics: wiki('Filipino_styles_and_honorifics'),
  filipinoName: wiki('Filipino_name'),
  finnishName: wiki('Finnish_name'),
  germanName: wiki('German_name'),
  greekName: wiki('Greek_name'),
  hindustaniGrammar: wiki('Hindustani_grammar'),
  hungarianNames: wiki('Hungarian_names'),
  indianHonorifics: wiki('Indian_honorifics'),
  indianNumbering: wiki('Indian_numbering_system'),
  indonesianNames: wiki('Indonesian_names'),
  japaneseHonorifics: wiki('Japanese_honorifics'),
  japaneseKeigo: wiki('Honorific_speech_in_Japanese'),
  japaneseName: wiki('Japanese_name'),
  koreanHonorifics: wiki('Korean_honorifics'),
  koreanName: wiki('Korean_name'),
  koreanSpeechLevels: wiki('Korean_speech_levels'),
  mademoiselle: wiki('Mademoiselle_(title)', 'Wikipedia: Mademoiselle (title)'),
  malayTitles: wiki('Malay_styles_and_titles'),
  minguoCalendar: wiki('Minguo_calendar'),
  polishName: wiki('Polish_name'),
  portugueseName: wiki('Portuguese_name'),
  quebecFrench: wiki('Quebec_French'),
  romanianName: wiki('Romanian_name'),
  shabbat: wiki('Shabbat'),
  slavicNames: wiki('Eastern_Slavic_naming_customs'),
  southAfricanEnglish: wiki('South_African_English'),
  spanishNames: wiki('Spanish_naming_customs'),
  swissStandardGerman: wiki('Swiss_Standard_German'),
  thaiName: wiki('Thai_name'),
  thaiSolarCalendar: wiki('Thai_solar_calendar'),
  turkishName: wiki('Turkish_name'),
  vietnameseName: wiki('Vietnamese_name'),
  vietnamesePronouns: wiki('Vietnamese_pronouns'),
  voseo: wiki('Voseo'),
};

export const OQLF = src('Office québécois de la langue française', 'https://www.oqlf.gouv.qc.ca/');
export const RAE_DPD = src('Real Academia Española: Diccionario panhispánico de dudas', 'https://www.rae.es/dpd/');
export const AU_STYLE = src('Australian Government Style Manual', 'https://www.stylemanual.gov.au/');
export const MALAYSIA_JOHOR_WEEKEND = src(
  'Malay Mail (2024): Johor returns to a Saturday–Sunday weekend from January 2025',
  'https://malaymail.com/news/malaysia/2024/10/07/johor-regent-announces-weekend-shift-to-saturday-sunday-for-state-starting-january-2025/152816',
);
