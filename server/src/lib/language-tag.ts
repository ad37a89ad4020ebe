/** The primary language subtag of a BCP-47 tag, lower-cased: 'pt-BR' → 'pt', 'zh_Hant' → 'zh'. */
export const primaryLanguage = (tag: string): string => tag.toLowerCase().split(/[-_]/)[0]!;
