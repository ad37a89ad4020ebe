import { beforeAll, describe, expect, it } from 'vitest';
import { baseOf, chineseScript, detectLanguage, detectWith, loadModel, parseAcceptLanguage, prepare, readerKind } from './detector.js';

beforeAll(async () => {
  await loadModel();
});

// Plain support-desk sentences, one per language (not an evaluation set: that comes from public translated text).
const SENTENCES: [string, string][] = [
  ['en', 'Hi, I still have not received my order. Can you check where it is?'],
  ['de', 'Hallo, meine Bestellung ist noch nicht angekommen. Können Sie bitte nachsehen?'],
  ['fr', "Bonjour, je n'ai toujours pas reçu ma commande. Pouvez-vous vérifier ?"],
  ['es', 'Hola, todavía no he recibido mi pedido. ¿Pueden revisar dónde está?'],
  ['pt', 'Olá, ainda não recebi a minha encomenda. Podem verificar onde está?'],
  ['it', 'Buongiorno, non ho ancora ricevuto il mio ordine. Potete controllare?'],
  ['nl', 'Hallo, ik heb mijn bestelling nog steeds niet ontvangen. Kunt u kijken waar die is?'],
  ['pl', 'Dzień dobry, nadal nie otrzymałem zamówienia. Czy możecie sprawdzić?'],
  ['ru', 'Здравствуйте, я до сих пор не получил свой заказ. Проверьте, пожалуйста.'],
  ['uk', 'Доброго дня, я досі не отримав своє замовлення. Перевірте, будь ласка.'],
  ['tr', 'Merhaba, siparişim hâlâ gelmedi. Nerede olduğunu kontrol edebilir misiniz?'],
  ['ja', 'こんにちは、注文した商品がまだ届いていません。確認していただけますか？'],
  ['ko', '안녕하세요, 주문한 상품을 아직 받지 못했습니다. 확인해 주시겠어요?'],
  ['ar', 'مرحبا، لم أستلم طلبي حتى الآن. هل يمكنكم التحقق من ذلك؟'],
  ['he', 'שלום, עדיין לא קיבלתי את ההזמנה שלי. תוכלו לבדוק?'],
  ['hi', 'नमस्ते, मुझे अभी तक मेरा ऑर्डर नहीं मिला है। क्या आप जांच कर सकते हैं?'],
  ['sv', 'Hej, jag har fortfarande inte fått min beställning. Kan ni kolla var den är?'],
  ['vi', 'Xin chào, tôi vẫn chưa nhận được đơn hàng của mình. Bạn có thể kiểm tra giúp tôi không?'],
  ['el', 'Γεια σας, δεν έχω λάβει ακόμα την παραγγελία μου. Μπορείτε να ελέγξετε;'],
  ['cs', 'Dobrý den, stále jsem neobdržel svou objednávku. Můžete to prosím zkontrolovat?'],
  ['zh-Hans', '你好，我的订单还没有收到，请帮我查一下。'],
  ['zh-Hant', '你好，我的訂單還沒有收到，請幫我查一下。'],
];

describe('detectLanguage', () => {
  it.each(SENTENCES)('recognises %s', async (want, text) => {
    const r = await detectLanguage(text);
    expect(r.language).toBe(want);
    expect(r.confidence).toBeGreaterThan(0.5);
    expect(r.confidence).toBeLessThanOrEqual(1);
    expect(r.alternatives.length).toBeLessThanOrEqual(3);
    for (const a of r.alternatives) expect(a.confidence).toBeLessThanOrEqual(r.confidence);
  });

  it('lets the stored locale decide a short ambiguous greeting', async () => {
    // 'Hallo' alone is too short for the model to be sure; the customer's locale tips it.
    const plain = await detectLanguage('Hallo');
    expect(plain.confidence).toBeLessThan(0.5);
    expect((await detectLanguage('Hallo', { hints: { locale: 'nl-NL' } })).language).toBe('nl');
    expect((await detectLanguage('Hallo', { hints: { locale: 'de-AT' } })).language).toBe('de');
  });

  it('weighs Accept-Language by q and counts earlier messages', async () => {
    expect((await detectLanguage('Hallo', { hints: { acceptLanguage: 'de-CH, de;q=0.9' } })).language).toBe('de');
    // A language the browser barely wants moves the answer far less.
    expect((await detectLanguage('Hallo', { hints: { acceptLanguage: 'en, de;q=0.1' } })).language).toBe('en');
    const previous = await detectLanguage('Hallo', {
      hints: { previous: ['Ik heb een vraag over mijn factuur van vorige maand.', 'Kunt u mij helpen?'] },
    });
    expect(previous.language).toBe('nl');
  });

  it('does not let a hint override a clear text', async () => {
    const r = await detectLanguage('Können Sie mir bitte die Rechnung noch einmal schicken?', { hints: { locale: 'fr-FR' } });
    expect(r.language).toBe('de');
    expect(r.confidence).toBeGreaterThan(0.9);
  });

  it('restricts the answer to the candidates, in their own spelling', async () => {
    const r = await detectLanguage('Hallo', { candidates: ['nl', 'de'] });
    expect(['nl', 'de']).toContain(r.language);
    for (const a of r.alternatives) expect(['nl', 'de']).toContain(a.language);
    const br = await detectLanguage('Obrigado pela ajuda, resolveu o meu problema.', { candidates: ['en', 'pt-BR'] });
    expect(br.language).toBe('pt-BR');
    expect(br.confidence).toBeGreaterThan(0.9);
    const nb = await detectLanguage('Hei, jeg har ikke mottatt pakken min ennå. Kan dere sjekke?', { candidates: ['nb', 'sv', 'da'] });
    expect(nb.language).toBe('nb');
  });

  it('splits Chinese into zh-Hans and zh-Hant by its characters, then by hints', async () => {
    expect((await detectLanguage('谢谢，这个问题已经解决了。')).language).toBe('zh-Hans');
    expect((await detectLanguage('謝謝，這個問題已經解決了。')).language).toBe('zh-Hant');
    // No character tells the scripts apart here: the locale does.
    expect((await detectLanguage('你好', { hints: { locale: 'zh-TW' } })).language).toBe('zh-Hant');
    expect((await detectLanguage('你好', { hints: { locale: 'zh-CN' } })).language).toBe('zh-Hans');
    expect((await detectLanguage('你好', { candidates: ['zh-Hant', 'en'] })).language).toBe('zh-Hant');
    expect(chineseScript('我们的订单')).toBe('Hans');
    expect(chineseScript('我們的訂單')).toBe('Hant');
    expect(chineseScript('你好')).toBeNull();
  });

  it.each([[''], ['   '], ['👍🎉😀'], ['12345 678'], ['+49 (30) 1234-5678'], ['?!…'], ['https://example.com/a/b ana@example.com']])(
    "answers 'und' with confidence 0 for %j",
    async (text) => {
      expect(await detectLanguage(text)).toEqual({ language: 'und', confidence: 0, alternatives: [] });
    },
  );

  it('ignores URLs and addresses around the words', async () => {
    const r = await detectLanguage('Bonjour, voici le lien https://example.com/my-order-status et mon adresse jean@example.com');
    expect(r.language).toBe('fr');
  });

  it('normalises fastText labels to BCP-47', async () => {
    expect(baseOf('pt-BR')).toBe('pt');
    expect(baseOf('zh-Hant-TW')).toBe('zh');
    expect(baseOf('nb')).toBe('no');
    const r = await detectLanguage('Hallo, ik heb een vraag');
    expect(r.language).toMatch(/^[a-z]{2,3}(-[A-Za-z]{4})?$/);
  });
});

describe('fast paths give the answers of the plain code', () => {
  // prepare() as it was before its fast path: the definition the fast path must agree with.
  const reference = (text: string): string | null => {
    const cleaned = text
      .normalize('NFC')
      .replace(/\b(?:https?:\/\/|www\.)\S+|\S+@\S+\.\S+/giu, ' ')
      .replace(/\s+/gu, ' ')
      .trim();
    return /\p{L}/u.test(cleaned) ? cleaned : null;
  };

  it('prepares text with URLs, addresses and odd white space as the regexes do', () => {
    const texts = [
      'Where is my order?',
      'Merci  beaucoup,\tà  demain',
      ' leading and trailing ',
      'line\nbreak\r\nand\u00a0nbsp\u3000ideographic\u2009thin\ufeffbom',
      'see https://example.com/a?b=1 or HTTP://X.IO now',
      'httpſ://example.com looks like a URL to the case-insensitive regex',
      'visit www.example.com or WWW.EXAMPLE.COM today',
      'wow. such w. very www',
      'ratio 1:/2 and a:b/c',
      'write to ana@example.com please',
      'a@b без точки',
      '@handle hello',
      'https://example.com ana@example.com',
      '',
      '   ',
      '12345 678',
      '👍 ok',
      'Ω ok',
    ];
    for (const t of texts) expect(prepare(t), JSON.stringify(t)).toBe(reference(t));
  });

  it('treats every code point as the regexes do', () => {
    for (let c = 0; c <= 0x10ffff; c += c < 0x10000 ? 1 : 0x3ff) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCodePoint(c);
      for (const t of [`ab${ch}cd`, `ab ${ch} cd`, `${ch}x`, `x${ch}`, `w${ch}.`, `a:${ch}/`]) {
        if (prepare(t) !== reference(t)) expect(prepare(t), `U+${c.toString(16)} in ${JSON.stringify(t)}`).toBe(reference(t));
      }
    }
  });

  it('reads labels straight from WebAssembly memory, exactly as Vector.get reads them', async () => {
    const model = await loadModel();
    expect(readerKind(model)).toBe('heap');
    // The same model behind a plain object: the portable reader.
    const portable = { predict: (text: string, k?: number, threshold?: number) => model.predict(text, k, threshold) };
    expect(readerKind(portable)).toBe('embind');
    const options = [
      {},
      { hints: { locale: 'pt-BR' } },
      { candidates: ['en', 'zh-Hant', 'nb'] },
      { hints: { previous: ['Kunt u mij helpen?'] } },
    ];
    for (const [, text] of SENTENCES) {
      for (const o of options) expect(detectWith(model, text, o)).toEqual(detectWith(portable, text, o));
    }
  });

  // Answers of the detector before its fast paths (k=5/10 labels through Vector.get, Maps, a full sort),
  // as 'language:confidence' for the best, then the alternatives; the hinted ones with the locale
  // weight of 20 (see LOCALE_WEIGHT).
  it.each([
    ['Obrigado, mas ainda não chegou', {}, 'pt:0.9993 en:0.0004 it:0.0002 br:0.0001'],
    ['Hallo', { hints: { locale: 'nl-NL' } }, 'nl:0.3972 en:0.0774 ca:0.0534 de:0.0499'],
    ['Merci  beaucoup,\tà  demain', {}, 'fr:0.9886 en:0.0046 it:0.0023 pt:0.0021'],
    [
      'Veja https://example.com/pedido/123 e escreva para ana@example.com',
      { hints: { locale: 'pt-BR' } },
      'pt:0.9857 es:0.009 gl:0.0032 en:0.0006',
    ],
    ['Dank je wel', { candidates: ['de', 'nl-BE'] }, 'nl-BE:0.9736 de:0.0264'],
    ['你好，请问', { hints: { locale: 'zh-TW', previous: ['我想退货'] } }, 'zh-Hans:0.9977 yue:0.0023 sr:0 ro:0'],
  ])('answers %j as before', async (text, options, want) => {
    const [best, ...alternatives] = want.split(' ').map((g) => {
      const [language, confidence] = g.split(':');
      return { language: language!, confidence: Number(confidence) };
    });
    expect(await detectLanguage(text, options)).toEqual({ ...best, alternatives });
  });
});

describe('decomposed text', () => {
  it('is composed before detection: combining accents read like precomposed ones', async () => {
    const composed = 'Tôi muốn đổi địa chỉ giao hàng';
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    expect(prepare(decomposed)).toBe(composed);
    expect(await detectLanguage(decomposed)).toEqual(await detectLanguage(composed));
    expect((await detectLanguage(decomposed)).language).toBe('vi');
  });
});

describe('parseAcceptLanguage', () => {
  it('reads tags and q values and drops junk', () => {
    expect(parseAcceptLanguage('de-CH, de;q=0.9, en;q=0.5, *;q=0.1, fr;q=0')).toEqual([
      { tag: 'de-CH', q: 1 },
      { tag: 'de', q: 0.9 },
      { tag: 'en', q: 0.5 },
    ]);
  });
});
