import { languageChain } from '../acks/compose.js';

/**
 * The sentence that opens a change announcement, before the change itself: "you told us, and we
 * changed it". Plain text (no arguments), one register per language: the polite form where the
 * language has one, since the note goes to customers we may not have written to for a while.
 * Keys are BCP-47 as in acks/texts.ts (pt is Brazilian, pt-PT European; zh-Hans, zh-Hant); a tag is
 * resolved through the same fallback chain (pt-AO → pt-PT, nb-NO → nb, unknown → en).
 */
export const CHANGE_FRAMES: Readonly<Record<string, string>> = {
  en: 'You told us what we could do better — and we have changed it:',
  de: 'Sie haben uns gesagt, was wir besser machen können – und wir haben es geändert:',
  fr: 'Vous nous avez dit ce que nous pouvions améliorer — et nous l’avons changé :',
  es: 'Nos dijo qué podíamos mejorar, y lo hemos cambiado:',
  ca: 'Ens va dir què podíem millorar, i ho hem canviat:',
  pt: 'Você nos disse o que poderíamos melhorar — e nós mudamos:',
  'pt-PT': 'Disse-nos o que podíamos melhorar — e nós mudámos:',
  it: 'Ci ha detto che cosa potevamo migliorare, e l’abbiamo cambiato:',
  nl: 'U vertelde ons wat er beter kon – en we hebben het aangepast:',
  sv: 'Du berättade för oss vad vi kunde göra bättre – och vi har ändrat det:',
  da: 'Du fortalte os, hvad vi kunne gøre bedre – og vi har ændret det:',
  nb: 'Du fortalte oss hva vi kunne gjøre bedre – og vi har endret det:',
  fi: 'Kerroit meille, mitä voisimme parantaa – ja olemme muuttaneet sen:',
  pl: 'Powiedzieli nam Państwo, co możemy poprawić – i zmieniliśmy to:',
  cs: 'Díky Vaší zpětné vazbě víme, co zlepšit – a změnili jsme to:',
  sk: 'Vďaka Vašej spätnej väzbe vieme, čo zlepšiť – a zmenili sme to:',
  hu: 'Ön elmondta nekünk, min javíthatnánk – és megváltoztattuk:',
  ro: 'Ne-ați spus ce putem îmbunătăți – și am schimbat acest lucru:',
  hr: 'Rekli ste nam što možemo poboljšati – i to smo promijenili:',
  bg: 'Казахте ни какво можем да подобрим – и го променихме:',
  el: 'Μας είπατε τι θα μπορούσαμε να βελτιώσουμε — και το αλλάξαμε:',
  tr: 'Neyi daha iyi yapabileceğimizi bize söylediniz – ve bunu değiştirdik:',
  ru: 'Вы подсказали нам, что можно улучшить, — и мы это изменили:',
  uk: 'Ви підказали нам, що можна покращити, — і ми це змінили:',
  ar: 'أخبرتمونا بما يمكننا تحسينه، وقد غيّرناه:',
  he: 'סיפרתם לנו מה אפשר לשפר — ושינינו זאת:',
  hi: 'आपने हमें बताया कि हम क्या बेहतर कर सकते हैं — और हमने इसे बदल दिया है:',
  id: 'Anda memberi tahu kami apa yang bisa kami perbaiki — dan kami telah mengubahnya:',
  ms: 'Anda memberitahu kami perkara yang boleh kami perbaiki — dan kami telah mengubahnya:',
  vi: 'Quý khách đã cho chúng tôi biết điều cần cải thiện — và chúng tôi đã thay đổi:',
  th: 'คุณได้บอกเราว่าเราควรปรับปรุงสิ่งใด และเราได้เปลี่ยนแปลงแล้ว:',
  ja: '改善点をお知らせいただき、ありがとうございました。以下のとおり変更いたしました：',
  ko: '개선할 점을 알려 주셔서 감사합니다. 다음과 같이 변경했습니다:',
  'zh-Hans': '感谢您告诉我们可以改进的地方，我们已做出以下改变：',
  'zh-Hant': '感謝您告訴我們可以改進的地方，我們已做出以下改變：',
};

/** The frame for a tag (null: English) and the CHANGE_FRAMES key it came from. */
export function changeFrame(tag: string | null): { language: string; text: string } {
  const language = languageChain(tag, CHANGE_FRAMES)[0] ?? 'en';
  return { language, text: CHANGE_FRAMES[language]! };
}
