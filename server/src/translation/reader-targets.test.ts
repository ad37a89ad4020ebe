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

  it("picks a reader's next language the engine reaches when the best one is out of reach", () => {
    const es = { tag: 'es', proficiency: 'native' as const };
    const enNative = { tag: 'en', proficiency: 'native' as const };
    const frBasic = { tag: 'fr', proficiency: 'basic' as const };
    const spanishOnly = (t: string) => t === 'es' || t === 'fr';
    expect(readerTargets([[enNative, es]], 'pt', spanishOnly)).toEqual(['es']);
    expect(
      readerTargets(
        [
          [de, en],
          [enNative, es],
        ],
        'pt-BR',
        spanishOnly,
      ),
    ).toEqual(['de', 'es']);
    // A language read only at basic level is never chosen; with nothing reachable, the best one is kept.
    expect(readerTargets([[enNative, frBasic]], 'pt', spanishOnly)).toEqual(['en']);
    expect(readerTargets([[enNative, es]], 'pt')).toEqual(['en']);
  });

  it('needs nothing when everyone reads the source, and defaults to English with no agents', () => {
    expect(readerTargets([[de], [de, en]], 'de-AT')).toEqual([]);
    expect(readerTargets([], 'ja')).toEqual(['en']);
    expect(readerTargets([], 'en-GB')).toEqual([]);
  });
});
