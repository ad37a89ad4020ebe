import type { Lexicon } from './types.js';

export const ja: Lexicon = {
  idioms: [
    { phrase: '猫の手も借りたい', suggestion: '大変忙しい' },
    { phrase: '朝飯前', suggestion: '簡単' },
    { phrase: '油を売る', suggestion: '怠ける' },
    { phrase: '腹を割って', suggestion: '率直に' },
    { phrase: '猫をかぶる', suggestion: '本性を隠す' },
    { phrase: '鯖を読む', suggestion: '数をごまかす' },
    { phrase: 'ASAP', suggestion: '至急、または具体的な日時' },
    { phrase: 'アサイン', suggestion: '担当する、割り当てる' },
    { phrase: 'エビデンス', suggestion: '証拠、根拠' },
    { phrase: 'リスケ', suggestion: '日程の変更' },
    { phrase: 'なるはや', suggestion: 'できるだけ早く、または具体的な日時' },
    { phrase: 'ペンディング', suggestion: '保留' },
  ],
  greetings: [
    '様',
    'いつもお世話になっております',
    'お世話になっております',
    'お問い合わせいただき',
    'お問い合わせありがとうございます',
    'こんにちは',
    'はじめまして',
  ],
  closings: ['よろしく', '宜しく', '何卒', '今後とも', 'ご不明な点がございましたら'],
};
