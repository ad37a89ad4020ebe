/**
 * The acknowledgement's sentence in each language: ICU MessageFormat, one formal variant and, where
 * the language addresses the reader differently, an informal one. Each is [message, label]: the
 * label is the parenthetical said when the time is the customer's own ("your time"); when their
 * zone is unknown the offset of the zone used ("(GMT+1)") stands in its place.
 *
 * Arguments (compose.ts fills them):
 *   day      today | tomorrow | weekday (2–6 days ahead, customer's local dates) | other (later)
 *   time     Intl time, `timeStyle: 'short'` in the customer's locale and zone ("09:30", "9:30 AM")
 *   weekday  Intl weekday name ("Dienstag");  wd: mon … sun, for languages that inflect it
 *   date     Intl day and month ("14. April")
 *   h        the hour as displayed (1 for "1:30 PM"): article agreement (es "la 1", el "τη 1")
 *   sfx      Turkish dative suffix for the time as read aloud ("09:30'a", "14:00'e")
 *   tz       the label above, or the zone's offset
 *
 * Keys are BCP-47: a bare language, or language-Script / language-REGION where the variety
 * differs (pt is Brazilian, pt-PT European; zh-Hans, zh-Hant). Sentences stay short and factual:
 * we received it, and by when a person will answer.
 */
export type AckVariant = readonly [message: string, localLabel: string];

export interface AckLanguage {
  formal: AckVariant;
  /** Absent where the sentence needs no form of address, or the language has one. */
  informal?: AckVariant;
}

const es = (a: string) => `{h, plural, =1 {${a} la} other {${a} las}} {time}`;
const pt = (one: string, many: string) => `{h, plural, =0 {${one}} =1 {${one}} other {${many}}} {time}`;
const el = '{h, plural, =1 {έως τη} other {έως τις}} {time}';

export const ACK_TEXTS: Readonly<Record<string, AckLanguage>> = {
  en: {
    formal: [
      'Thank you for your message. We will reply {day, select, today {by {time} today} tomorrow {by {time} tomorrow} weekday {by {time} on {weekday}} other {by {time} on {date}}} {tz}.',
      '(your time)',
    ],
  },
  de: {
    formal: [
      'Vielen Dank für Ihre Nachricht. Wir melden uns bei Ihnen {day, select, today {heute bis {time} Uhr} tomorrow {morgen bis {time} Uhr} weekday {bis {weekday}, {time} Uhr} other {bis zum {date}, {time} Uhr}} {tz}.',
      '(Ihre Zeit)',
    ],
    informal: [
      'Danke für deine Nachricht. Wir melden uns bei dir {day, select, today {heute bis {time} Uhr} tomorrow {morgen bis {time} Uhr} weekday {bis {weekday}, {time} Uhr} other {bis zum {date}, {time} Uhr}} {tz}.',
      '(deine Zeit)',
    ],
  },
  fr: {
    formal: [
      'Merci pour votre message. Nous vous répondrons {day, select, today {aujourd’hui avant {time}} tomorrow {demain avant {time}} weekday {{weekday} avant {time}} other {le {date} avant {time}}} {tz}.',
      '(heure locale)',
    ],
    informal: [
      'Merci pour ton message. Nous te répondrons {day, select, today {aujourd’hui avant {time}} tomorrow {demain avant {time}} weekday {{weekday} avant {time}} other {le {date} avant {time}}} {tz}.',
      '(heure locale)',
    ],
  },
  es: {
    formal: [
      `Gracias por su mensaje. Le responderemos {day, select, today {hoy ${es('antes de')}} tomorrow {mañana ${es('antes de')}} weekday {el {weekday} ${es('antes de')}} other {el {date} ${es('antes de')}}} {tz}.`,
      '(hora local)',
    ],
    informal: [
      `Gracias por tu mensaje. Te responderemos {day, select, today {hoy ${es('antes de')}} tomorrow {mañana ${es('antes de')}} weekday {el {weekday} ${es('antes de')}} other {el {date} ${es('antes de')}}} {tz}.`,
      '(hora local)',
    ],
  },
  pt: {
    formal: [
      `Obrigado pela sua mensagem. Responderemos {day, select, today {hoje até ${pt('a', 'as')}} tomorrow {amanhã até ${pt('a', 'as')}} weekday {até {weekday} ${pt('à', 'às')}} other {até {date} ${pt('à', 'às')}}} {tz}.`,
      '(horário local)',
    ],
  },
  'pt-PT': {
    formal: [
      `Obrigado pela sua mensagem. Responderemos {day, select, today {hoje até ${pt('à', 'às')}} tomorrow {amanhã até ${pt('à', 'às')}} weekday {até {weekday} ${pt('à', 'às')}} other {até {date} ${pt('à', 'às')}}} {tz}.`,
      '(hora local)',
    ],
  },
  it: {
    formal: [
      'Grazie per il suo messaggio. Le risponderemo {day, select, today {oggi {h, plural, =1 {entro l’{time}} other {entro le {time}}}} tomorrow {domani {h, plural, =1 {entro l’{time}} other {entro le {time}}}} weekday {entro {weekday} {h, plural, =1 {all’{time}} other {alle {time}}}} other {entro il {date} {h, plural, =1 {all’{time}} other {alle {time}}}}} {tz}.',
      '(ora locale)',
    ],
    informal: [
      'Grazie per il tuo messaggio. Ti risponderemo {day, select, today {oggi {h, plural, =1 {entro l’{time}} other {entro le {time}}}} tomorrow {domani {h, plural, =1 {entro l’{time}} other {entro le {time}}}} weekday {entro {weekday} {h, plural, =1 {all’{time}} other {alle {time}}}} other {entro il {date} {h, plural, =1 {all’{time}} other {alle {time}}}}} {tz}.',
      '(ora locale)',
    ],
  },
  nl: {
    formal: [
      'Bedankt voor uw bericht. We reageren uiterlijk {day, select, today {vandaag om {time}} tomorrow {morgen om {time}} weekday {{weekday} om {time}} other {{date} om {time}}} {tz}.',
      '(lokale tijd)',
    ],
    informal: [
      'Bedankt voor je bericht. We reageren uiterlijk {day, select, today {vandaag om {time}} tomorrow {morgen om {time}} weekday {{weekday} om {time}} other {{date} om {time}}} {tz}.',
      '(lokale tijd)',
    ],
  },
  sv: {
    formal: [
      'Tack för ditt meddelande. Vi svarar senast {day, select, today {i dag kl. {time}} tomorrow {i morgon kl. {time}} weekday {på {weekday} kl. {time}} other {den {date} kl. {time}}} {tz}.',
      '(lokal tid)',
    ],
  },
  da: {
    formal: [
      'Tak for din henvendelse. Vi svarer senest {day, select, today {i dag kl. {time}} tomorrow {i morgen kl. {time}} weekday {{weekday} kl. {time}} other {den {date} kl. {time}}} {tz}.',
      '(lokal tid)',
    ],
  },
  nb: {
    formal: [
      'Takk for henvendelsen. Vi svarer senest {day, select, today {i dag kl. {time}} tomorrow {i morgen kl. {time}} weekday {{weekday} kl. {time}} other {{date} kl. {time}}} {tz}.',
      '(lokal tid)',
    ],
  },
  fi: {
    formal: [
      'Kiitos viestistänne. Vastaamme viimeistään {day, select, today {tänään klo {time}} tomorrow {huomenna klo {time}} weekday {{wd, select, mon {maanantaina} tue {tiistaina} wed {keskiviikkona} thu {torstaina} fri {perjantaina} sat {lauantaina} other {sunnuntaina}} klo {time}} other {{date} klo {time}}} {tz}.',
      '(paikallista aikaa)',
    ],
    informal: [
      'Kiitos viestistäsi. Vastaamme viimeistään {day, select, today {tänään klo {time}} tomorrow {huomenna klo {time}} weekday {{wd, select, mon {maanantaina} tue {tiistaina} wed {keskiviikkona} thu {torstaina} fri {perjantaina} sat {lauantaina} other {sunnuntaina}} klo {time}} other {{date} klo {time}}} {tz}.',
      '(paikallista aikaa)',
    ],
  },
  pl: {
    formal: [
      'Dziękujemy za wiadomość. Odpowiemy {day, select, today {dziś do godz. {time}} tomorrow {jutro do godz. {time}} weekday {{wd, select, mon {w poniedziałek} tue {we wtorek} wed {w środę} thu {w czwartek} fri {w piątek} sat {w sobotę} other {w niedzielę}} do godz. {time}} other {{date} do godz. {time}}} {tz}.',
      '(czasu lokalnego)',
    ],
  },
  cs: {
    formal: [
      'Děkujeme za zprávu. Odpovíme {day, select, today {dnes do {time}} tomorrow {zítra do {time}} weekday {{wd, select, mon {v pondělí} tue {v úterý} wed {ve středu} thu {ve čtvrtek} fri {v pátek} sat {v sobotu} other {v neděli}} do {time}} other {{date} do {time}}} {tz}.',
      '(místního času)',
    ],
  },
  ro: {
    formal: [
      'Vă mulțumim pentru mesaj. Vă vom răspunde {day, select, today {astăzi până la {time}} tomorrow {mâine până la {time}} weekday {{weekday} până la {time}} other {pe {date} până la {time}}} {tz}.',
      '(ora locală)',
    ],
    informal: [
      'Îți mulțumim pentru mesaj. Îți vom răspunde {day, select, today {astăzi până la {time}} tomorrow {mâine până la {time}} weekday {{weekday} până la {time}} other {pe {date} până la {time}}} {tz}.',
      '(ora locală)',
    ],
  },
  hu: {
    formal: [
      'Köszönjük üzenetét. Legkésőbb {day, select, today {ma {time}-ig} tomorrow {holnap {time}-ig} weekday {{wd, select, mon {hétfőn} tue {kedden} wed {szerdán} thu {csütörtökön} fri {pénteken} sat {szombaton} other {vasárnap}} {time}-ig} other {{date} {time}-ig}} {tz} válaszolunk.',
      '(helyi idő szerint)',
    ],
    informal: [
      'Köszönjük az üzenetedet. Legkésőbb {day, select, today {ma {time}-ig} tomorrow {holnap {time}-ig} weekday {{wd, select, mon {hétfőn} tue {kedden} wed {szerdán} thu {csütörtökön} fri {pénteken} sat {szombaton} other {vasárnap}} {time}-ig} other {{date} {time}-ig}} {tz} válaszolunk.',
      '(helyi idő szerint)',
    ],
  },
  el: {
    formal: [
      `Σας ευχαριστούμε για το μήνυμά σας. Θα σας απαντήσουμε {day, select, today {σήμερα ${el}} tomorrow {αύριο ${el}} weekday {{wd, select, mon {τη Δευτέρα} tue {την Τρίτη} wed {την Τετάρτη} thu {την Πέμπτη} fri {την Παρασκευή} sat {το Σάββατο} other {την Κυριακή}} ${el}} other {στις {date} ${el}}} {tz}.`,
      '(τοπική ώρα)',
    ],
    informal: [
      `Ευχαριστούμε για το μήνυμά σου. Θα σου απαντήσουμε {day, select, today {σήμερα ${el}} tomorrow {αύριο ${el}} weekday {{wd, select, mon {τη Δευτέρα} tue {την Τρίτη} wed {την Τετάρτη} thu {την Πέμπτη} fri {την Παρασκευή} sat {το Σάββατο} other {την Κυριακή}} ${el}} other {στις {date} ${el}}} {tz}.`,
      '(τοπική ώρα)',
    ],
  },
  tr: {
    formal: [
      'Mesajınız için teşekkür ederiz. Size en geç {day, select, today {bugün saat {time}{sfx}} tomorrow {yarın saat {time}{sfx}} weekday {{weekday} saat {time}{sfx}} other {{date} saat {time}{sfx}}} kadar yanıt vereceğiz {tz}.',
      '(yerel saatle)',
    ],
    informal: [
      'Mesajın için teşekkürler. Sana en geç {day, select, today {bugün saat {time}{sfx}} tomorrow {yarın saat {time}{sfx}} weekday {{weekday} saat {time}{sfx}} other {{date} saat {time}{sfx}}} kadar yanıt vereceğiz {tz}.',
      '(yerel saatle)',
    ],
  },
  ru: {
    formal: [
      'Спасибо за сообщение. Мы ответим {day, select, today {сегодня до {time}} tomorrow {завтра до {time}} weekday {{wd, select, mon {в понедельник} tue {во вторник} wed {в среду} thu {в четверг} fri {в пятницу} sat {в субботу} other {в воскресенье}} до {time}} other {{date} до {time}}} {tz}.',
      '(по местному времени)',
    ],
  },
  uk: {
    formal: [
      'Дякуємо за повідомлення. Ми відповімо {day, select, today {сьогодні до {time}} tomorrow {завтра до {time}} weekday {{wd, select, mon {в понеділок} tue {у вівторок} wed {в середу} thu {в четвер} fri {в пʼятницю} sat {в суботу} other {в неділю}} до {time}} other {{date} до {time}}} {tz}.',
      '(за місцевим часом)',
    ],
  },
  ar: {
    formal: [
      'شكرًا لتواصلكم معنا. سنرد عليكم {day, select, today {اليوم قبل الساعة {time}} tomorrow {غدًا قبل الساعة {time}} weekday {يوم {weekday} قبل الساعة {time}} other {في {date} قبل الساعة {time}}} {tz}.',
      '(بالتوقيت المحلي)',
    ],
    informal: [
      'شكرًا لتواصلك معنا. سنرد عليك {day, select, today {اليوم قبل الساعة {time}} tomorrow {غدًا قبل الساعة {time}} weekday {يوم {weekday} قبل الساعة {time}} other {في {date} قبل الساعة {time}}} {tz}.',
      '(بالتوقيت المحلي)',
    ],
  },
  he: {
    formal: [
      'תודה על פנייתך. נשיב {day, select, today {היום עד השעה {time}} tomorrow {מחר עד השעה {time}} weekday {ב{weekday} עד השעה {time}} other {ב-{date} עד השעה {time}}} {tz}.',
      '(לפי שעון מקומי)',
    ],
  },
  hi: {
    formal: [
      'आपके संदेश के लिए धन्यवाद। हम {day, select, today {आज {time} तक} tomorrow {कल {time} तक} weekday {{weekday} को {time} तक} other {{date} को {time} तक}} जवाब देंगे {tz}।',
      '(आपके स्थानीय समय के अनुसार)',
    ],
  },
  ja: {
    formal: [
      'お問い合わせありがとうございます。{day, select, today {本日{time}} tomorrow {明日{time}} weekday {{weekday}の{time}} other {{date}の{time}}}{tz}までにご返信いたします。',
      '（現地時間）',
    ],
  },
  ko: {
    formal: [
      '문의해 주셔서 감사합니다. {day, select, today {오늘 {time}} tomorrow {내일 {time}} weekday {{weekday} {time}} other {{date} {time}}}{tz}까지 답변드리겠습니다.',
      '(현지 시간)',
    ],
  },
  'zh-Hans': {
    formal: [
      '感谢您的来信。我们将在{day, select, today {今天 {time}} tomorrow {明天 {time}} weekday {{weekday} {time}} other {{date} {time}}}{tz}前回复您。',
      '（当地时间）',
    ],
    informal: [
      '感谢你的来信。我们将在{day, select, today {今天 {time}} tomorrow {明天 {time}} weekday {{weekday} {time}} other {{date} {time}}}{tz}前回复你。',
      '（当地时间）',
    ],
  },
  'zh-Hant': {
    formal: [
      '感謝您的來信。我們將在{day, select, today {今天 {time}} tomorrow {明天 {time}} weekday {{weekday} {time}} other {{date} {time}}}{tz}前回覆您。',
      '（當地時間）',
    ],
    informal: [
      '感謝你的來信。我們將在{day, select, today {今天 {time}} tomorrow {明天 {time}} weekday {{weekday} {time}} other {{date} {time}}}{tz}前回覆你。',
      '（當地時間）',
    ],
  },
  th: {
    formal: [
      'ขอบคุณสำหรับข้อความของคุณ เราจะตอบกลับภายใน{day, select, today {วันนี้ เวลา {time} น.} tomorrow {พรุ่งนี้ เวลา {time} น.} weekday {{weekday} เวลา {time} น.} other {วันที่ {date} เวลา {time} น.}} {tz}',
      '(ตามเวลาท้องถิ่น)',
    ],
  },
  vi: {
    formal: [
      'Cảm ơn quý khách đã liên hệ. Chúng tôi sẽ phản hồi quý khách trước {day, select, today {{time} hôm nay} tomorrow {{time} ngày mai} weekday {{time} {weekday}} other {{time} ngày {date}}} {tz}.',
      '(giờ địa phương)',
    ],
    informal: [
      'Cảm ơn bạn đã liên hệ. Chúng tôi sẽ phản hồi bạn trước {day, select, today {{time} hôm nay} tomorrow {{time} ngày mai} weekday {{time} {weekday}} other {{time} ngày {date}}} {tz}.',
      '(giờ địa phương)',
    ],
  },
  id: {
    formal: [
      'Terima kasih atas pesan Anda. Kami akan membalas paling lambat {day, select, today {hari ini pukul {time}} tomorrow {besok pukul {time}} weekday {hari {weekday} pukul {time}} other {tanggal {date} pukul {time}}} {tz}.',
      '(waktu setempat)',
    ],
  },
  ms: {
    formal: [
      'Terima kasih atas mesej anda. Kami akan membalas selewat-lewatnya {day, select, today {hari ini pukul {time}} tomorrow {esok pukul {time}} weekday {pada hari {weekday} pukul {time}} other {pada {date} pukul {time}}} {tz}.',
      '(waktu tempatan)',
    ],
  },
};

/** Intl options a language's sentence needs beyond its locale's defaults. */
export const TIME_OPTIONS: Readonly<Record<string, Intl.DateTimeFormatOptions>> = {
  // ICU 78 writes Korean short times as "AM 9:30"; Korean notices commonly give 24-hour times instead.
  ko: { hourCycle: 'h23' },
};
