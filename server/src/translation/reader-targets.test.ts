import { describe, expect, it } from 'vitest';
import { readerTargets } from './reader-targets.js';

describe('readerTargets', () => {
  const de = { tag: 'de', proficiency: 'native' as const };
  const en = { tag: 'en', proficiency: 'fluent' as const };
  const ptBasic = { tag: 'pt-BR', proficiency: 'basic' as const };

  it("translates into each reader's best language unless they read the source well enough", () => {
    expect(readerTargets([[de, en], [en]], 'pt-BR')).toEqual(['de', 'en']);
    expect(readerTargets([[de, ptBasic]], 'pt')).toEqual(['de']);
    expect(readerTargets([[de, { tag: 'pt', proficiency: 'working' }], [en]], 'pt-BR')).toEqual(['en']);
  });

  it('needs nothing when everyone reads the source, and defaults to English with no agents', () => {
    expect(readerTargets([[de], [de, en]], 'de-AT')).toEqual([]);
    expect(readerTargets([], 'ja')).toEqual(['en']);
    expect(readerTargets([], 'en-GB')).toEqual([]);
  });
});
