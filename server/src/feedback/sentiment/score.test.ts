import { describe, expect, it } from 'vitest';
import { sentimentLabel } from './label.js';
import { scoreText } from './score.js';

const label = (text: string, language: string) => sentimentLabel(scoreText(text, language)!.score);

describe('scoreText', () => {
  it('scores clear comments in each shipped language the way a reader would', () => {
    expect(label('Great service, thank you!', 'en')).toBe('positive');
    expect(label('Terrible, I waited three days.', 'en')).toBe('negative');
    expect(label('Excelente atención, muchas gracias.', 'es')).toBe('positive');
    expect(label('Péssimo atendimento.', 'pt-BR')).toBe('negative');
    expect(label('Sehr hilfreich, danke.', 'de')).toBe('positive');
    expect(label('Je suis déçu.', 'fr')).toBe('negative');
    expect(label('とても親切でした。', 'ja')).toBe('positive');
  });

  it('flips a word after a negator in the same clause, and after the word in Japanese', () => {
    expect(label('The agent was helpful.', 'en')).toBe('positive');
    expect(label('The agent was not helpful.', 'en')).toBe('negative');
    expect(label('No fue útil.', 'es')).toBe('negative');
    // A clause boundary ends the negation: "no" does not reach past the comma.
    expect(label('No, it was great.', 'en')).toBe('positive');
    expect(label('役に立ちました。', 'ja')).toBe('positive');
    expect(label('役に立ちませんでした。', 'ja')).toBe('negative');
  });

  it('counts emoji as words and leaves a factual comment neutral', () => {
    expect(label('👍', 'en')).toBe('positive');
    expect(label('😡', 'fr')).toBe('negative');
    expect(label('Order number 48213.', 'en')).toBe('neutral');
    expect(scoreText('', 'en')).toEqual({ score: 0, sum: 0, words: [] });
  });

  it('squashes the sum into −1…1 and lists the words it scored', () => {
    const s = scoreText('good good good good good', 'en')!;
    expect(s.sum).toBe(15);
    expect(s.score).toBeCloseTo(15 / Math.sqrt(15 * 15 + 15), 3);
    expect(s.words[0]).toEqual({ text: 'good', score: 3 });
  });

  it('answers null for a language with no lexicon', () => {
    expect(scoreText('whatever', 'tlh')).toBeNull();
  });
});
