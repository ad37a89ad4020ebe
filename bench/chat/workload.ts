import { rng } from '../eta/traffic.js';

/**
 * The chat workload: what visitors type and when. Deterministic for a seed, and the same schedule
 * for both legs, so the echo baseline sees exactly the traffic Meridian sees.
 */

/** Short chat lines in ten languages (a visitor's locale picks the list), as people type them into a widget. */
const LINES: { locale: string; timeZone: string; lines: string[] }[] = [
  {
    locale: 'en-GB',
    timeZone: 'Europe/London',
    lines: [
      'Hi, my order has not arrived yet, can you check where it is?',
      'It says delivered but there is nothing at my door.',
      'The tracking number ends in 4471 if that helps.',
      'Thanks, I will wait for your answer here.',
    ],
  },
  {
    locale: 'de-DE',
    timeZone: 'Europe/Berlin',
    lines: [
      'Hallo, ich kann mich seit gestern nicht mehr in mein Konto einloggen.',
      'Das Passwort habe ich schon zweimal zurückgesetzt.',
      'Die Fehlermeldung sagt, dass mein Konto gesperrt ist.',
      'Danke, ich warte hier auf Ihre Antwort.',
    ],
  },
  {
    locale: 'es-ES',
    timeZone: 'Europe/Madrid',
    lines: [
      'Hola, quiero cambiar la dirección de envío de mi pedido.',
      'Todavía no ha salido del almacén, según la web.',
      'La nueva dirección es la de mi oficina en Valencia.',
      'Muchas gracias por la ayuda.',
    ],
  },
  {
    locale: 'fr-FR',
    timeZone: 'Europe/Paris',
    lines: [
      "Bonjour, je n'ai pas reçu le remboursement de ma commande.",
      'Le colis a été livré à votre entrepôt il y a trois semaines.',
      "Pouvez-vous vérifier où en est le dossier s'il vous plaît ?",
      'Merci beaucoup, bonne journée.',
    ],
  },
  {
    locale: 'pt-BR',
    timeZone: 'America/Sao_Paulo',
    lines: [
      'Olá, a minha fatura deste mês veio com um valor errado.',
      'Cobraram duas vezes a mesma assinatura no cartão.',
      'Vocês podem estornar a cobrança duplicada?',
      'Obrigada, fico aguardando por aqui.',
    ],
  },
  {
    locale: 'it-IT',
    timeZone: 'Europe/Rome',
    lines: [
      'Buongiorno, il prodotto che ho ricevuto non si accende.',
      'Ho provato a caricarlo per tutta la notte senza risultato.',
      'Posso restituirlo e avere un prodotto nuovo?',
      'Grazie mille per la risposta.',
    ],
  },
  {
    locale: 'nl-NL',
    timeZone: 'Europe/Amsterdam',
    lines: [
      'Hallo, ik wil mijn abonnement opzeggen per volgende maand.',
      'Ik heb geen bevestiging ontvangen na het invullen van het formulier.',
      'Kunt u controleren of de opzegging is verwerkt?',
      'Bedankt voor de hulp.',
    ],
  },
  {
    locale: 'ja-JP',
    timeZone: 'Asia/Tokyo',
    lines: [
      'こんにちは、注文した商品がまだ届いていません。',
      '配送状況を確認していただけますか。',
      '注文番号は4471で終わります。',
      'よろしくお願いいたします。',
    ],
  },
  {
    locale: 'pl-PL',
    timeZone: 'Europe/Warsaw',
    lines: [
      'Dzień dobry, nie mogę pobrać faktury z panelu klienta.',
      'Przycisk pobierania nic nie robi w żadnej przeglądarce.',
      'Czy mogą Państwo wysłać fakturę mailem?',
      'Dziękuję bardzo.',
    ],
  },
  {
    locale: 'ru-RU',
    timeZone: 'Europe/Moscow',
    lines: [
      'Здравствуйте, я не могу оплатить заказ картой.',
      'Платёж отклоняется, хотя на карте достаточно средств.',
      'Подскажите, пожалуйста, есть ли другой способ оплаты?',
      'Спасибо, жду ответа.',
    ],
  },
];

export interface Visitor {
  locale: string;
  timeZone: string;
}

export interface Send {
  visitor: number;
  round: number;
  /** Milliseconds after the start of the measured traffic. */
  at: number;
  clientId: string;
  text: string;
}

export interface Workload {
  visitors: Visitor[];
  /** Ordered by `at`. */
  sends: Send[];
  seconds: number;
}

/**
 * `visitors` visitors each send one message per round at a random moment of the round; a round lasts
 * visitors / rate seconds, so the server sees `rate` messages a second on average, arriving
 * independently (bursts included) rather than in lock step.
 */
export function makeWorkload(o: { visitors: number; rounds: number; rate: number; seed: number; tag: string }): Workload {
  const rnd = rng(o.seed);
  const visitors = Array.from({ length: o.visitors }, (_, i) => {
    const l = LINES[i % LINES.length]!;
    return { locale: l.locale, timeZone: l.timeZone };
  });
  const roundMs = (o.visitors / o.rate) * 1000;
  const sends: Send[] = [];
  for (let r = 0; r < o.rounds; r++) {
    for (let v = 0; v < o.visitors; v++) {
      const lines = LINES[v % LINES.length]!.lines;
      sends.push({
        visitor: v,
        round: r,
        at: r * roundMs + rnd() * roundMs,
        clientId: `${o.tag}-${v}-${r}`,
        text: lines[r % lines.length]!,
      });
    }
  }
  sends.sort((a, b) => a.at - b.at);
  return { visitors, sends, seconds: (o.rounds * roundMs) / 1000 };
}
