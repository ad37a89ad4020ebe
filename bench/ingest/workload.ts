/** The ingest workload: deterministic, realistic items in ten languages. Same list for both legs of an engine. */

export interface Item {
  email: string;
  name: string;
  locale: string;
  subject: string;
  text: string;
  language: string;
}

export const TEMPLATES: { lang: string; locale: string; names: string[]; subject: string; text: string }[] = [
  {
    lang: 'en',
    locale: 'en-GB',
    names: ['Olivia Carter', 'James Whitfield', 'Amelia Brooks'],
    subject: 'Order {o} arrived damaged',
    text:
      'Hello, my order {o} arrived this morning but the box was crushed and the {p} inside has a cracked corner. ' +
      'I have photos of the packaging and the device if you need them. Could you send a replacement, or tell me how to ' +
      'return it for a refund? I need it before the end of next week. Thanks, {n}',
  },
  {
    lang: 'de',
    locale: 'de-DE',
    names: ['Jürgen Weiß', 'Anna Schröder', 'Lukas Bäcker'],
    subject: 'Rechnung zu Bestellung {o} fehlerhaft',
    text:
      'Guten Tag, in der Rechnung zu meiner Bestellung {o} wurde die Mehrwertsteuer doppelt berechnet und die Lieferadresse ' +
      'stimmt nicht. Das Gerät ({p}) ist zwar angekommen, aber unsere Buchhaltung kann die Rechnung so nicht verbuchen. ' +
      'Bitte schicken Sie mir eine korrigierte Fassung. Mit freundlichen Grüßen, {n}',
  },
  {
    lang: 'es',
    locale: 'es-ES',
    names: ['María José Núñez', 'Alejandro Peña', 'Lucía Fernández'],
    subject: 'No puedo acceder a mi cuenta ({o})',
    text:
      'Hola, desde ayer no puedo iniciar sesión en mi cuenta. Cambié la contraseña dos veces y sigue diciendo que es incorrecta. ' +
      'Tengo el pedido {o} pendiente con un {p} y necesito ver el estado del envío. ¿Podrían revisar si la cuenta está ' +
      'bloqueada? Muchas gracias, {n}',
  },
  {
    lang: 'fr',
    locale: 'fr-FR',
    names: ['Chloé Lefèvre', 'François Dubois', 'Élodie Garnier'],
    subject: 'Remboursement de la commande {o}',
    text:
      "Bonjour, j'ai renvoyé le {p} de la commande {o} il y a trois semaines et je n'ai toujours pas reçu le remboursement. " +
      'Le transporteur confirme que le colis a été livré à votre entrepôt. Pourriez-vous vérifier où en est le dossier et ' +
      'me donner une date ? Cordialement, {n}',
  },
  {
    lang: 'pt',
    locale: 'pt-BR',
    names: ['João Gonçalves', 'Ana Luíza Ribeiro', 'Thiago Araújo'],
    subject: 'Entrega atrasada do pedido {o}',
    text:
      'Olá, o pedido {o} deveria ter chegado na segunda-feira, mas o rastreamento não é atualizado há cinco dias. ' +
      'Comprei o {p} como presente de aniversário e a festa é no sábado. Vocês conseguem verificar com a transportadora ' +
      'ou enviar outro por entrega expressa? Obrigado, {n}',
  },
  {
    lang: 'ja',
    locale: 'ja-JP',
    names: ['佐藤 美咲', '高橋 健一', '山本 さくら'],
    subject: '注文 {o} の配送について',
    text:
      'お世話になっております。注文番号 {o} の {p} について問い合わせいたします。発送完了のメールを受け取ってから一週間以上経ちましたが、' +
      'まだ届いておりません。追跡番号で確認すると「配達店に到着」のまま更新されていません。お手数ですが、配送状況をご確認いただけますでしょうか。' +
      '来週の出張前に受け取りたいと考えております。よろしくお願いいたします。{n}',
  },
  {
    lang: 'ru',
    locale: 'ru-RU',
    names: ['Алексей Смирнов', 'Екатерина Волкова', 'Дмитрий Козлов'],
    subject: 'Списание по заказу {o} прошло дважды',
    text:
      'Здравствуйте! Вчера я оплатил заказ {o} ({p}), и с моей карты деньги списались два раза. В личном кабинете ' +
      'отображается только один платёж. Прошу проверить транзакции и вернуть лишнюю сумму. Выписку из банка могу ' +
      'прислать по запросу. С уважением, {n}',
  },
  {
    lang: 'ar',
    locale: 'ar-EG',
    names: ['محمد عبد الله', 'فاطمة الزهراء', 'أحمد حسن'],
    subject: 'استفسار عن الطلب {o}',
    text:
      'مرحباً، طلبت {p} برقم الطلب {o} قبل عشرة أيام ولم يصلني حتى الآن. حاولت الاتصال بشركة الشحن لكن لم يرد أحد. ' +
      'أرجو منكم التحقق من حالة الشحنة وإبلاغي بموعد التسليم المتوقع، أو إلغاء الطلب واسترداد المبلغ إذا تعذر التوصيل. ' +
      'شكراً لكم، {n}',
  },
  {
    lang: 'zh',
    locale: 'zh-CN',
    names: ['王小明', '李静', '张伟'],
    subject: '订单 {o} 发票问题',
    text:
      '您好，我在贵店购买了{p}，订单号 {o}。收到货后发现发票抬头写错了，公司名称少了两个字，税号也不对。' +
      '我们公司财务需要正确的增值税专用发票才能报销，麻烦尽快帮我重新开具一张并寄到原地址。' +
      '另外想确认一下保修期是从发货日还是签收日开始计算？谢谢！{n}',
  },
  {
    lang: 'pl',
    locale: 'pl-PL',
    names: ['Katarzyna Wiśniewska', 'Paweł Łukasik', 'Zofia Kamińska'],
    subject: 'Reklamacja zamówienia {o}',
    text:
      'Dzień dobry, otrzymałam zamówienie {o}, ale {p} nie włącza się po naładowaniu. Próbowałam z innym kablem i ' +
      'ładowarką, bez zmian. Chciałabym złożyć reklamację i prosić o wymianę na nowy egzemplarz. Proszę o informację, ' +
      'jak odesłać towar. Pozdrawiam serdecznie, {n}',
  },
];

const PRODUCTS = ['Aurora X2 headset', 'Nimbus 14 laptop', 'Pulse smartwatch', 'Vela e-reader', 'Orbit router', 'Echo mini speaker'];

export function makeItems(count: number, runTag: string): Item[] {
  const items: Item[] = [];
  for (let i = 0; i < count; i++) {
    const t = TEMPLATES[i % TEMPLATES.length]!;
    const n = t.names[Math.floor(i / TEMPLATES.length) % t.names.length]!;
    const order = `M-${(100000 + i * 7919) % 1000000}`;
    const fill = (s: string) =>
      s
        .replaceAll('{o}', order)
        .replaceAll('{p}', PRODUCTS[i % PRODUCTS.length]!)
        .replaceAll('{n}', n);
    items.push({
      email: `customer.${i}.${runTag}@${t.lang}.example.com`,
      name: n,
      locale: t.locale,
      subject: fill(t.subject),
      text: fill(t.text),
      language: t.lang,
    });
  }
  return items;
}

export const bodyOf = (it: Item): string =>
  JSON.stringify({
    customer: { email: it.email, name: it.name, locale: it.locale },
    channel: 'email',
    subject: it.subject,
    message: { text: it.text, language: it.language },
  });

/** One line describing the workload: message lengths in characters and bytes, and the languages. */
export function describeWorkload(): string {
  const sample = makeItems(TEMPLATES.length * 6, 'x');
  const chars = sample.map((i) => i.text.length);
  const bytes = sample.map((i) => Buffer.byteLength(i.text));
  return (
    `workload: POST /api/v1/conversations, a new customer (by email) each, first message ${Math.min(...chars)}–${Math.max(...chars)} characters ` +
    `(${Math.min(...bytes)}–${Math.max(...bytes)} bytes) in ${TEMPLATES.length} languages`
  );
}
