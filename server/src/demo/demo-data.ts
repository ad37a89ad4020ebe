/**
 * Demo workspace content, seeded on first start.
 *
 * Pure data: no imports, no I/O, no SQL. The seeder turns these records into
 * rows; keys (`key`, `teamKeys`, `customerKey`, `agentKey`, `assigneeKey`) are
 * stable references between the arrays below and never leave this file.
 *
 * Conventions:
 * - Team hours use ISO weekdays (1 = Monday … 7 = Sunday) and local "HH:MM".
 * - Conversation `hoursAgo` is relative to seeding time; message
 *   `minutesAfterStart` is relative to the conversation start and increases.
 * - `language` fields are BCP-47 primary language subtags ('de', 'pt', 'ja' …).
 * - Phone numbers are E.164; the UK and US numbers use ranges reserved for
 *   drama/fiction (+44 7700 900xxx, +1 … 555-01xx).
 */

export interface DemoTeam {
  key: string;
  name: string;
  timeZone: string;
  languages: string[];
  holidayRegion: string;
  /** days: ISO weekday 1=Mon..7=Sun; start/end "HH:MM" local */
  hours: { days: number[]; start: string; end: string }[];
}

export interface DemoAgent {
  key: string;
  name: string;
  email: string;
  role: 'admin' | 'lead' | 'agent';
  timeZone: string;
  languages: { tag: string; proficiency: 'native' | 'fluent' | 'working' | 'basic' }[];
  capacity: number;
  teamKeys: string[];
}

export interface DemoCustomer {
  key: string;
  name: string;
  email: string;
  phone?: string;
  locale: string;
  country: string;
  timeZone: string;
  preferredChannel: 'email' | 'chat' | 'whatsapp' | 'telegram' | 'sms' | 'phone';
  formality?: 'formal' | 'informal';
  tier: 'free' | 'standard' | 'premium' | 'enterprise';
}

export interface DemoMessage {
  direction: 'inbound' | 'outbound' | 'note';
  agentKey?: string;
  text: string;
  language: string;
  minutesAfterStart: number;
}

export interface DemoConversation {
  customerKey: string;
  channel: 'email' | 'chat' | 'whatsapp' | 'telegram' | 'sms' | 'phone' | 'api';
  subject: string;
  status: 'new' | 'open' | 'pending' | 'on_hold' | 'solved' | 'closed';
  priority: 'low' | 'normal' | 'high' | 'urgent';
  language: string;
  teamKey: string;
  assigneeKey?: string;
  tags: string[];
  hoursAgo: number;
  messages: DemoMessage[];
}

export const DEMO_WORKSPACE = { slug: 'demo', name: 'Demo' } as const;

export const DEMO_ADMIN_PASSWORD = 'meridian-demo';

/** The demo's support mailbox: mail to it (SMTP listener or IMAP) lands in the demo workspace. */
export const DEMO_MAIL_ADDRESS = 'support@demo.meridian.localhost';

// ---------------------------------------------------------------------------
// Teams
// ---------------------------------------------------------------------------

export interface DemoSlaPolicy {
  name: string;
  default?: boolean;
  when?: { priorities?: ('low' | 'normal' | 'high' | 'urgent')[]; tiers?: string[] };
  /** Minutes; business time on the team's calendar unless `calendar` is set. */
  targets: Partial<Record<'firstReply' | 'nextReply' | 'resolution', { minutes: number; time?: 'business' | 'calendar' }>>;
  escalation?: { raisePriority?: boolean; notifyLead?: boolean; reassign?: boolean };
}

/** The SLA policies of the demo workspace, in the order they are tried (the default last). */
export const demoSlaPolicies: DemoSlaPolicy[] = [
  {
    name: 'Urgent',
    when: { priorities: ['urgent'] },
    targets: { firstReply: { minutes: 30, time: 'calendar' }, nextReply: { minutes: 60, time: 'calendar' } },
    escalation: { notifyLead: true, reassign: true },
  },
  {
    name: 'Premium and enterprise',
    when: { tiers: ['premium', 'enterprise'] },
    targets: { firstReply: { minutes: 60 }, nextReply: { minutes: 120 }, resolution: { minutes: 1440 } },
    escalation: { notifyLead: true },
  },
  {
    name: 'Standard',
    default: true,
    targets: { firstReply: { minutes: 240 }, nextReply: { minutes: 480 }, resolution: { minutes: 2880 } },
    escalation: { notifyLead: true },
  },
];

export const demoTeams: DemoTeam[] = [
  {
    key: 'berlin',
    name: 'Berlin',
    timeZone: 'Europe/Berlin',
    languages: ['de', 'en'],
    holidayRegion: 'DE-BE',
    hours: [{ days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' }],
  },
  {
    key: 'bangalore',
    name: 'Bangalore',
    timeZone: 'Asia/Kolkata',
    languages: ['en', 'hi'],
    holidayRegion: 'IN-KA',
    hours: [{ days: [1, 2, 3, 4, 5, 6], start: '09:00', end: '18:00' }],
  },
  {
    key: 'sao-paulo',
    name: 'São Paulo',
    timeZone: 'America/Sao_Paulo',
    languages: ['pt', 'es'],
    holidayRegion: 'BR-SP',
    hours: [{ days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' }],
  },
  {
    key: 'san-francisco',
    name: 'San Francisco',
    timeZone: 'America/Los_Angeles',
    languages: ['en', 'es'],
    holidayRegion: 'US-CA',
    hours: [{ days: [1, 2, 3, 4, 5], start: '08:00', end: '17:00' }],
  },
  {
    key: 'tokyo',
    name: 'Tokyo',
    timeZone: 'Asia/Tokyo',
    languages: ['ja', 'en'],
    holidayRegion: 'JP',
    // Lunch break 12:00–13:00, as is customary in Japanese offices.
    hours: [
      { days: [1, 2, 3, 4, 5], start: '09:00', end: '12:00' },
      { days: [1, 2, 3, 4, 5], start: '13:00', end: '18:00' },
    ],
  },
];

// ---------------------------------------------------------------------------
// Agents
// ---------------------------------------------------------------------------

export const demoAgents: DemoAgent[] = [
  // Berlin
  {
    key: 'admin',
    name: 'Demo Admin',
    email: 'admin@demo.meridian.local',
    role: 'admin',
    timeZone: 'Europe/Berlin',
    languages: [
      { tag: 'en', proficiency: 'native' },
      { tag: 'de', proficiency: 'fluent' },
    ],
    capacity: 5,
    teamKeys: ['berlin'],
  },
  {
    key: 'lena-hoffmann',
    name: 'Lena Hoffmann',
    email: 'lena.hoffmann@demo.meridian.local',
    role: 'lead',
    timeZone: 'Europe/Berlin',
    languages: [
      { tag: 'de', proficiency: 'native' },
      { tag: 'en', proficiency: 'fluent' },
      { tag: 'fr', proficiency: 'fluent' },
      { tag: 'it', proficiency: 'working' },
    ],
    capacity: 12,
    teamKeys: ['berlin'],
  },
  {
    key: 'katarzyna-nowak',
    name: 'Katarzyna Nowak',
    email: 'katarzyna.nowak@demo.meridian.local',
    role: 'agent',
    timeZone: 'Europe/Berlin',
    languages: [
      { tag: 'pl', proficiency: 'native' },
      { tag: 'de', proficiency: 'fluent' },
      { tag: 'en', proficiency: 'fluent' },
      { tag: 'ru', proficiency: 'fluent' },
    ],
    capacity: 10,
    teamKeys: ['berlin'],
  },

  // Bangalore
  {
    key: 'priya-raman',
    name: 'Priya Raman',
    email: 'priya.raman@demo.meridian.local',
    role: 'lead',
    timeZone: 'Asia/Kolkata',
    languages: [
      { tag: 'ta', proficiency: 'native' },
      { tag: 'en', proficiency: 'fluent' },
      { tag: 'hi', proficiency: 'fluent' },
      { tag: 'kn', proficiency: 'working' },
    ],
    capacity: 10,
    teamKeys: ['bangalore'],
  },
  {
    key: 'arjun-mehta',
    name: 'Arjun Mehta',
    email: 'arjun.mehta@demo.meridian.local',
    role: 'agent',
    timeZone: 'Asia/Kolkata',
    languages: [
      { tag: 'hi', proficiency: 'native' },
      { tag: 'gu', proficiency: 'native' },
      { tag: 'en', proficiency: 'fluent' },
    ],
    capacity: 12,
    teamKeys: ['bangalore'],
  },
  {
    key: 'sana-qureshi',
    name: 'Sana Qureshi',
    email: 'sana.qureshi@demo.meridian.local',
    role: 'agent',
    timeZone: 'Asia/Kolkata',
    languages: [
      { tag: 'ur', proficiency: 'native' },
      { tag: 'hi', proficiency: 'native' },
      { tag: 'en', proficiency: 'fluent' },
      { tag: 'ar', proficiency: 'working' },
    ],
    capacity: 12,
    teamKeys: ['bangalore'],
  },

  // São Paulo
  {
    key: 'rafael-oliveira',
    name: 'Rafael Oliveira',
    email: 'rafael.oliveira@demo.meridian.local',
    role: 'lead',
    timeZone: 'America/Sao_Paulo',
    languages: [
      { tag: 'pt', proficiency: 'native' },
      { tag: 'es', proficiency: 'fluent' },
      { tag: 'en', proficiency: 'fluent' },
    ],
    capacity: 10,
    teamKeys: ['sao-paulo'],
  },
  {
    key: 'camila-souza',
    name: 'Camila Souza',
    email: 'camila.souza@demo.meridian.local',
    role: 'agent',
    timeZone: 'America/Sao_Paulo',
    languages: [
      { tag: 'pt', proficiency: 'native' },
      { tag: 'es', proficiency: 'fluent' },
      { tag: 'en', proficiency: 'working' },
    ],
    capacity: 12,
    teamKeys: ['sao-paulo'],
  },
  {
    key: 'mateo-fernandez',
    name: 'Mateo Fernández',
    email: 'mateo.fernandez@demo.meridian.local',
    role: 'agent',
    timeZone: 'America/Sao_Paulo',
    languages: [
      { tag: 'es', proficiency: 'native' },
      { tag: 'pt', proficiency: 'fluent' },
      { tag: 'en', proficiency: 'fluent' },
    ],
    capacity: 12,
    teamKeys: ['sao-paulo'],
  },

  // San Francisco
  {
    key: 'megan-carter',
    name: 'Megan Carter',
    email: 'megan.carter@demo.meridian.local',
    role: 'lead',
    timeZone: 'America/Los_Angeles',
    languages: [
      { tag: 'en', proficiency: 'native' },
      { tag: 'es', proficiency: 'working' },
    ],
    capacity: 10,
    teamKeys: ['san-francisco'],
  },
  {
    key: 'daniel-reyes',
    name: 'Daniel Reyes',
    email: 'daniel.reyes@demo.meridian.local',
    role: 'agent',
    timeZone: 'America/Los_Angeles',
    languages: [
      { tag: 'en', proficiency: 'native' },
      { tag: 'es', proficiency: 'native' },
    ],
    capacity: 12,
    teamKeys: ['san-francisco'],
  },
  {
    key: 'wei-chen',
    name: 'Wei Chen',
    email: 'wei.chen@demo.meridian.local',
    role: 'agent',
    timeZone: 'America/Los_Angeles',
    languages: [
      { tag: 'en', proficiency: 'native' },
      { tag: 'zh', proficiency: 'fluent' },
    ],
    capacity: 12,
    teamKeys: ['san-francisco'],
  },

  // Tokyo
  {
    key: 'yuki-sato',
    name: '佐藤 由紀',
    email: 'yuki.sato@demo.meridian.local',
    role: 'lead',
    timeZone: 'Asia/Tokyo',
    languages: [
      { tag: 'ja', proficiency: 'native' },
      { tag: 'en', proficiency: 'fluent' },
    ],
    capacity: 10,
    teamKeys: ['tokyo'],
  },
  {
    key: 'kenji-tanaka',
    name: '田中 健二',
    email: 'kenji.tanaka@demo.meridian.local',
    role: 'agent',
    timeZone: 'Asia/Tokyo',
    languages: [
      { tag: 'ja', proficiency: 'native' },
      { tag: 'en', proficiency: 'working' },
      { tag: 'zh', proficiency: 'working' },
    ],
    capacity: 12,
    teamKeys: ['tokyo'],
  },
  {
    key: 'minji-park',
    name: '박민지',
    email: 'minji.park@demo.meridian.local',
    role: 'agent',
    timeZone: 'Asia/Tokyo',
    languages: [
      { tag: 'ko', proficiency: 'native' },
      { tag: 'ja', proficiency: 'fluent' },
      { tag: 'en', proficiency: 'fluent' },
    ],
    capacity: 12,
    teamKeys: ['tokyo'],
  },
];

// ---------------------------------------------------------------------------
// Customers
// ---------------------------------------------------------------------------

export const demoCustomers: DemoCustomer[] = [
  {
    key: 'matthias-krueger',
    name: 'Matthias Krüger',
    email: 'matthias.krueger@example.de',
    phone: '+493055501234',
    locale: 'de-DE',
    country: 'DE',
    timeZone: 'Europe/Berlin',
    preferredChannel: 'email',
    formality: 'formal',
    tier: 'premium',
  },
  {
    key: 'sophie-gruber',
    name: 'Sophie Gruber',
    email: 'sophie.gruber@example.at',
    locale: 'de-AT',
    country: 'AT',
    timeZone: 'Europe/Vienna',
    preferredChannel: 'chat',
    formality: 'informal',
    tier: 'standard',
  },
  {
    key: 'celine-favre',
    name: 'Céline Favre',
    email: 'celine.favre@example.ch',
    locale: 'fr-CH',
    country: 'CH',
    timeZone: 'Europe/Zurich',
    preferredChannel: 'email',
    formality: 'formal',
    tier: 'enterprise',
  },
  {
    key: 'julien-moreau',
    name: 'Julien Moreau',
    email: 'julien.moreau@example.fr',
    locale: 'fr-FR',
    country: 'FR',
    timeZone: 'Europe/Paris',
    preferredChannel: 'email',
    formality: 'formal',
    tier: 'standard',
  },
  {
    key: 'lucia-martinez',
    name: 'Lucía Martínez Sánchez',
    email: 'lucia.martinez@example.es',
    phone: '+34612345678',
    locale: 'es-ES',
    country: 'ES',
    timeZone: 'Europe/Madrid',
    preferredChannel: 'whatsapp',
    formality: 'informal',
    tier: 'standard',
  },
  {
    key: 'alejandro-hernandez',
    name: 'Alejandro Hernández Ruiz',
    email: 'alejandro.hernandez@example.com.mx',
    phone: '+525512345678',
    locale: 'es-MX',
    country: 'MX',
    timeZone: 'America/Mexico_City',
    preferredChannel: 'whatsapp',
    formality: 'formal',
    tier: 'premium',
  },
  {
    key: 'valentina-gomez',
    name: 'Valentina Gómez',
    email: 'valentina.gomez@example.com.ar',
    locale: 'es-AR',
    country: 'AR',
    timeZone: 'America/Argentina/Buenos_Aires',
    preferredChannel: 'chat',
    formality: 'informal',
    tier: 'free',
  },
  {
    key: 'joao-almeida',
    name: 'João Pedro Almeida',
    email: 'joao.almeida@example.com.br',
    phone: '+5511912345678',
    locale: 'pt-BR',
    country: 'BR',
    timeZone: 'America/Sao_Paulo',
    preferredChannel: 'whatsapp',
    formality: 'informal',
    tier: 'enterprise',
  },
  {
    key: 'tiago-ferreira',
    name: 'Tiago Ferreira',
    email: 'tiago.ferreira@example.pt',
    locale: 'pt-PT',
    country: 'PT',
    timeZone: 'Europe/Lisbon',
    preferredChannel: 'email',
    formality: 'formal',
    tier: 'standard',
  },
  {
    key: 'giulia-bianchi',
    name: 'Giulia Bianchi',
    email: 'giulia.bianchi@example.it',
    locale: 'it-IT',
    country: 'IT',
    timeZone: 'Europe/Rome',
    preferredChannel: 'email',
    tier: 'premium',
  },
  {
    key: 'daan-de-vries',
    name: 'Daan de Vries',
    email: 'daan.devries@example.nl',
    locale: 'nl-NL',
    country: 'NL',
    timeZone: 'Europe/Amsterdam',
    preferredChannel: 'chat',
    formality: 'informal',
    tier: 'standard',
  },
  {
    key: 'agnieszka-kowalczyk',
    name: 'Agnieszka Kowalczyk',
    email: 'agnieszka.kowalczyk@example.pl',
    locale: 'pl-PL',
    country: 'PL',
    timeZone: 'Europe/Warsaw',
    preferredChannel: 'email',
    formality: 'formal',
    tier: 'free',
  },
  {
    key: 'mehmet-ozturk',
    name: 'Mehmet Öztürk',
    email: 'mehmet.ozturk@example.com.tr',
    phone: '+905321234567',
    locale: 'tr-TR',
    country: 'TR',
    timeZone: 'Europe/Istanbul',
    preferredChannel: 'whatsapp',
    formality: 'formal',
    tier: 'standard',
  },
  {
    key: 'anjali-verma',
    name: 'अंजलि वर्मा',
    email: 'anjali.verma@example.in',
    phone: '+919812345678',
    locale: 'hi-IN',
    country: 'IN',
    timeZone: 'Asia/Kolkata',
    preferredChannel: 'whatsapp',
    tier: 'standard',
  },
  {
    key: 'vikram-iyer',
    name: 'Vikram Iyer',
    email: 'vikram.iyer@example.in',
    phone: '+918041234567',
    locale: 'en-IN',
    country: 'IN',
    timeZone: 'Asia/Kolkata',
    preferredChannel: 'email',
    tier: 'enterprise',
  },
  {
    key: 'kenta-yamamoto',
    name: '山本 健太',
    email: 'kenta.yamamoto@example.jp',
    phone: '+81312345678',
    locale: 'ja-JP',
    country: 'JP',
    timeZone: 'Asia/Tokyo',
    preferredChannel: 'email',
    formality: 'formal',
    tier: 'enterprise',
  },
  {
    key: 'seoyeon-kim',
    name: '김서연',
    email: 'seoyeon.kim@example.kr',
    locale: 'ko-KR',
    country: 'KR',
    timeZone: 'Asia/Seoul',
    preferredChannel: 'chat',
    formality: 'formal',
    tier: 'premium',
  },
  {
    key: 'fang-wang',
    name: '王芳',
    email: 'wang.fang@example.cn',
    locale: 'zh-CN',
    country: 'CN',
    timeZone: 'Asia/Shanghai',
    preferredChannel: 'email',
    tier: 'standard',
  },
  {
    key: 'emily-johnson',
    name: 'Emily Johnson',
    email: 'emily.johnson@example.com',
    phone: '+13125550134',
    locale: 'en-US',
    country: 'US',
    timeZone: 'America/Chicago',
    preferredChannel: 'sms',
    tier: 'premium',
  },
  {
    key: 'oliver-bennett',
    name: 'Oliver Bennett',
    email: 'oliver.bennett@example.co.uk',
    phone: '+447700900123',
    locale: 'en-GB',
    country: 'GB',
    timeZone: 'Europe/London',
    preferredChannel: 'phone',
    formality: 'formal',
    tier: 'enterprise',
  },
  {
    key: 'ahmed-hassan',
    name: 'أحمد حسن',
    email: 'ahmed.hassan@example.com',
    phone: '+201001234567',
    locale: 'ar-EG',
    country: 'EG',
    timeZone: 'Africa/Cairo',
    preferredChannel: 'whatsapp',
    formality: 'formal',
    tier: 'standard',
  },
  {
    key: 'dmitry-sokolov',
    name: 'Дмитрий Соколов',
    email: 'dmitry.sokolov@example.ru',
    phone: '+79161234567',
    locale: 'ru-RU',
    country: 'RU',
    timeZone: 'Europe/Moscow',
    preferredChannel: 'telegram',
    formality: 'formal',
    tier: 'standard',
  },
  {
    key: 'elin-johansson',
    name: 'Elin Johansson',
    email: 'elin.johansson@example.se',
    locale: 'sv-SE',
    country: 'SE',
    timeZone: 'Europe/Stockholm',
    preferredChannel: 'email',
    formality: 'informal',
    tier: 'premium',
  },
];

// ---------------------------------------------------------------------------
// Conversations
// ---------------------------------------------------------------------------

export const demoConversations: DemoConversation[] = [
  // ----- Berlin -------------------------------------------------------------
  {
    customerKey: 'matthias-krueger',
    channel: 'email',
    subject: 'Doppelte Abbuchung – Rechnung RE-2024-1187',
    status: 'open',
    priority: 'high',
    language: 'de',
    teamKey: 'berlin',
    assigneeKey: 'lena-hoffmann',
    tags: ['billing', 'refund', 'duplicate-charge'],
    hoursAgo: 5,
    messages: [
      {
        direction: 'inbound',
        language: 'de',
        minutesAfterStart: 0,
        text: 'Sehr geehrte Damen und Herren,\n\nauf unserer Kreditkartenabrechnung ist die Rechnung RE-2024-1187 über 249,00 € zweimal belastet worden – beide Buchungen mit identischem Verwendungszweck. Bitte erstatten Sie den doppelt eingezogenen Betrag und schicken Sie mir eine kurze Bestätigung für unsere Buchhaltung.\n\nMit freundlichen Grüßen\nMatthias Krüger',
      },
      {
        direction: 'note',
        agentKey: 'lena-hoffmann',
        language: 'en',
        minutesAfterStart: 34,
        text: 'Payment provider shows two captures for RE-2024-1187, 41 seconds apart – looks like the checkout retry bug from last week. Refunds over €200 need Finance approval, request sent.',
      },
      {
        direction: 'outbound',
        agentKey: 'lena-hoffmann',
        language: 'de',
        minutesAfterStart: 41,
        text: 'Sehr geehrter Herr Krüger,\n\nvielen Dank für Ihren Hinweis. Ich habe die doppelte Belastung in unserem Zahlungssystem bestätigt. Die Erstattung über 249,00 € liegt unserer Buchhaltung zur Freigabe vor; sobald sie veranlasst ist, erhalten Sie von mir eine Bestätigung per E-Mail. Die Gutschrift auf Ihrer Karte dauert in der Regel 5–10 Werktage.\n\nMit freundlichen Grüßen\nLena Hoffmann',
      },
    ],
  },
  {
    customerKey: 'matthias-krueger',
    channel: 'email',
    subject: 'Funktionswunsch: DATEV-Export für Rechnungen',
    status: 'closed',
    priority: 'low',
    language: 'de',
    teamKey: 'berlin',
    assigneeKey: 'lena-hoffmann',
    tags: ['feature-request', 'billing', 'export'],
    hoursAgo: 190,
    messages: [
      {
        direction: 'inbound',
        language: 'de',
        minutesAfterStart: 0,
        text: 'Guten Tag,\n\nwäre es möglich, unsere Rechnungen direkt im DATEV-Format zu exportieren? Unser Steuerbüro arbeitet ausschließlich mit DATEV, und das manuelle Übertragen der PDF-Rechnungen kostet uns jeden Monat unnötig Zeit.\n\nViele Grüße\nMatthias Krüger',
      },
      {
        direction: 'outbound',
        agentKey: 'lena-hoffmann',
        language: 'de',
        minutesAfterStart: 95,
        text: 'Guten Tag Herr Krüger,\n\nvielen Dank für Ihren Vorschlag – ich habe ihn als Funktionswunsch an unser Produktteam weitergegeben. Bis dahin können Sie unter „Abrechnung → Rechnungen“ alle Rechnungen eines Zeitraums als CSV exportieren; dieses Format lässt sich in DATEV Unternehmen online importieren.\n\nFreundliche Grüße\nLena Hoffmann',
      },
    ],
  },
  {
    customerKey: 'sophie-gruber',
    channel: 'chat',
    subject: 'Passwort-Reset-Mail kommt nicht an',
    status: 'solved',
    priority: 'normal',
    language: 'de',
    teamKey: 'berlin',
    assigneeKey: 'katarzyna-nowak',
    tags: ['login', 'password-reset', 'email-delivery'],
    hoursAgo: 26,
    messages: [
      {
        direction: 'inbound',
        language: 'de',
        minutesAfterStart: 0,
        text: 'Servus! Ich hab jetzt schon dreimal auf „Passwort vergessen“ geklickt, aber es kommt einfach keine Mail an – auch nicht im Spam. Kannst du mir helfen? Ich muss heute noch die Monatsabrechnung machen 😅',
      },
      {
        direction: 'outbound',
        agentKey: 'katarzyna-nowak',
        language: 'de',
        minutesAfterStart: 4,
        text: 'Hallo Sophie, danke für deine Nachricht! Euer Mailserver hat unsere Reset-Mails leider als Spam abgewiesen. Ich hab dir gerade einen neuen Link über unseren alternativen Versandweg geschickt – schau bitte noch mal in dein Postfach.',
      },
      {
        direction: 'inbound',
        language: 'de',
        minutesAfterStart: 7,
        text: 'Ist angekommen und hat funktioniert. Danke dir, das ging ja super schnell! 🙌',
      },
      {
        direction: 'note',
        agentKey: 'katarzyna-nowak',
        language: 'de',
        minutesAfterStart: 10,
        text: 'Bounce-Log: 550 vom Mailserver des Kunden (Spamfilter). Bitte beim nächsten Kontakt empfehlen, unsere Absenderadresse auf die Allowlist zu setzen.',
      },
    ],
  },
  {
    customerKey: 'celine-favre',
    channel: 'email',
    subject: "Demande d'accès à mes données personnelles",
    status: 'pending',
    priority: 'normal',
    language: 'fr',
    teamKey: 'berlin',
    assigneeKey: 'lena-hoffmann',
    tags: ['gdpr', 'data-access-request', 'privacy'],
    hoursAgo: 52,
    messages: [
      {
        direction: 'inbound',
        language: 'fr',
        minutesAfterStart: 0,
        text: "Madame, Monsieur,\n\nConformément à l'article 15 du RGPD et à l'article 25 de la loi fédérale sur la protection des données (nLPD), je vous prie de me communiquer l'ensemble des données personnelles que vous détenez à mon sujet, ainsi que les finalités du traitement et les éventuels destinataires.\n\nJe vous remercie de bien vouloir me répondre dans le délai légal.\n\nVeuillez agréer, Madame, Monsieur, mes salutations distinguées.\n\nCéline Favre",
      },
      {
        direction: 'note',
        agentKey: 'lena-hoffmann',
        language: 'en',
        minutesAfterStart: 50,
        text: 'Data subject access request (GDPR Art. 15 / Swiss nFADP Art. 25). Identity matches the account email. Export requested from the privacy team – 30-day deadline, reminder set.',
      },
      {
        direction: 'outbound',
        agentKey: 'lena-hoffmann',
        language: 'fr',
        minutesAfterStart: 58,
        text: "Madame,\n\nNous accusons bonne réception de votre demande d'accès et vous en remercions. Votre identité ayant été vérifiée à partir de l'adresse e-mail associée à votre compte, nous préparons actuellement l'export complet de vos données. Vous le recevrez par un lien sécurisé au plus tard dans un délai de 30 jours, conformément à la loi.\n\nNous vous prions d'agréer, Madame, nos salutations distinguées.\n\nLena Hoffmann\nService client",
      },
    ],
  },
  {
    customerKey: 'julien-moreau',
    channel: 'email',
    subject: 'Remboursement après résiliation',
    status: 'pending',
    priority: 'normal',
    language: 'fr',
    teamKey: 'berlin',
    assigneeKey: 'lena-hoffmann',
    tags: ['refund', 'cancellation'],
    hoursAgo: 30,
    messages: [
      {
        direction: 'inbound',
        language: 'fr',
        minutesAfterStart: 0,
        text: "Bonjour,\n\nJ'ai résilié mon abonnement annuel la semaine dernière, soit moins de 14 jours après son renouvellement automatique. Pourtant, je n'ai toujours reçu aucun remboursement. Pourriez-vous me dire où en est ma demande ?\n\nCordialement,\nJulien Moreau",
      },
      {
        direction: 'outbound',
        agentKey: 'lena-hoffmann',
        language: 'fr',
        minutesAfterStart: 70,
        text: "Bonjour Monsieur Moreau,\n\nMerci pour votre message et toutes nos excuses pour ce délai. Votre résiliation a bien été prise en compte et, comme elle est intervenue dans les 14 jours suivant le renouvellement, vous avez droit à un remboursement intégral. Je viens de le déclencher : le montant apparaîtra sur votre relevé d'ici 5 à 10 jours ouvrés.\n\nBien cordialement,\nLena Hoffmann",
      },
    ],
  },
  {
    customerKey: 'giulia-bianchi',
    channel: 'email',
    subject: 'Fattura con partita IVA errata',
    status: 'open',
    priority: 'normal',
    language: 'it',
    teamKey: 'berlin',
    assigneeKey: 'lena-hoffmann',
    tags: ['billing', 'invoice', 'vat'],
    hoursAgo: 8,
    messages: [
      {
        direction: 'inbound',
        language: 'it',
        minutesAfterStart: 0,
        text: "Buongiorno,\n\nnell'ultima fattura (n. INV-0932) è riportata una partita IVA sbagliata: quella corretta è IT04829310962. Potreste emettere una nota di credito e una nuova fattura con i dati corretti? Senza la correzione il nostro commercialista non può registrarla.\n\nGrazie e cordiali saluti,\nGiulia Bianchi",
      },
      {
        direction: 'outbound',
        agentKey: 'lena-hoffmann',
        language: 'it',
        minutesAfterStart: 45,
        text: 'Gentile signora Bianchi,\n\ngrazie per la segnalazione. Ho aggiornato la partita IVA nel suo profilo di fatturazione e ho chiesto al nostro reparto contabilità di emettere la nota di credito e la nuova fattura. Le riceverà via e-mail entro due giorni lavorativi.\n\nCordiali saluti,\nLena Hoffmann',
      },
      {
        direction: 'note',
        agentKey: 'lena-hoffmann',
        language: 'de',
        minutesAfterStart: 48,
        text: 'USt-IdNr. im Rechnungsprofil korrigiert. Gutschrift + Neuausstellung von INV-0932 bei der Buchhaltung angefragt – Ticket offen lassen, bis beides raus ist.',
      },
    ],
  },
  {
    customerKey: 'daan-de-vries',
    channel: 'chat',
    subject: 'Kan niet inloggen na wijziging e-mailadres',
    status: 'new',
    priority: 'normal',
    language: 'nl',
    teamKey: 'berlin',
    tags: ['login', 'account'],
    hoursAgo: 3,
    messages: [
      {
        direction: 'inbound',
        language: 'nl',
        minutesAfterStart: 0,
        text: 'Hoi! Ik heb gisteren mijn e-mailadres in mijn profiel aangepast en sindsdien kan ik niet meer inloggen. Met mijn oude adres krijg ik ‘account niet gevonden’ en met het nieuwe ‘onjuist wachtwoord’. Wat moet ik doen?',
      },
      {
        direction: 'note',
        agentKey: 'admin',
        language: 'en',
        minutesAfterStart: 12,
        text: 'Nobody on shift speaks Dutch – whoever picks this up, reply with machine translation. Probably the unconfirmed email change issue: the new address was never verified, so check the auth log before resetting anything.',
      },
    ],
  },
  {
    customerKey: 'agnieszka-kowalczyk',
    channel: 'email',
    subject: 'Wniosek o usunięcie konta i danych osobowych (RODO)',
    status: 'pending',
    priority: 'normal',
    language: 'pl',
    teamKey: 'berlin',
    assigneeKey: 'katarzyna-nowak',
    tags: ['gdpr', 'deletion-request', 'privacy'],
    hoursAgo: 96,
    messages: [
      {
        direction: 'inbound',
        language: 'pl',
        minutesAfterStart: 0,
        text: 'Dzień dobry,\n\nna podstawie art. 17 RODO proszę o trwałe usunięcie mojego konta oraz wszystkich moich danych osobowych przetwarzanych przez Państwa firmę. Proszę o potwierdzenie realizacji wniosku.\n\nZ poważaniem\nAgnieszka Kowalczyk',
      },
      {
        direction: 'outbound',
        agentKey: 'katarzyna-nowak',
        language: 'pl',
        minutesAfterStart: 130,
        text: 'Szanowna Pani,\n\ndziękujemy za wiadomość. Przed usunięciem konta musimy potwierdzić Pani tożsamość – na adres e-mail przypisany do konta wysłaliśmy link weryfikacyjny. Po jego kliknięciu usuniemy wszystkie dane w ciągu 30 dni i potwierdzimy to w osobnej wiadomości.\n\nZ wyrazami szacunku\nKatarzyna Nowak',
      },
      {
        direction: 'note',
        agentKey: 'katarzyna-nowak',
        language: 'en',
        minutesAfterStart: 133,
        text: 'GDPR Art. 17 erasure request. Verification link sent; 30-day deadline counts from receipt. Free plan, no open invoices – safe to delete once verified.',
      },
    ],
  },
  {
    customerKey: 'mehmet-ozturk',
    channel: 'whatsapp',
    subject: 'Siparişim hâlâ teslim edilmedi',
    status: 'new',
    priority: 'normal',
    language: 'tr',
    teamKey: 'berlin',
    tags: ['shipping', 'delay', 'customs'],
    hoursAgo: 6,
    messages: [
      {
        direction: 'inbound',
        language: 'tr',
        minutesAfterStart: 0,
        text: 'Merhaba, 10 gün önce verdiğim siparişim (no: 47790) hâlâ teslim edilmedi. Kargo takip sayfasında bir haftadır “Gümrükte bekliyor” yazıyor. Gümrük için benden bir belge gerekiyor mu? Bilgi verirseniz sevinirim.',
      },
      {
        direction: 'note',
        agentKey: 'lena-hoffmann',
        language: 'de',
        minutesAfterStart: 25,
        text: 'Türkische Anfrage, im Team spricht niemand Türkisch – Antwort bitte per Übersetzung. Laut Carrier hängt die Sendung beim Zoll in Istanbul; vermutlich fehlt die T.C.-Kimlik-Nummer des Empfängers.',
      },
    ],
  },
  {
    customerKey: 'oliver-bennett',
    channel: 'phone',
    subject: 'Reporting dashboards timing out',
    status: 'on_hold',
    priority: 'high',
    language: 'en',
    teamKey: 'berlin',
    assigneeKey: 'lena-hoffmann',
    tags: ['outage', 'reporting', 'incident'],
    hoursAgo: 28,
    messages: [
      {
        direction: 'inbound',
        language: 'en',
        minutesAfterStart: 0,
        text: "Hi, it's Oliver Bennett from Hartley & Finch. Since about half eight this morning our reporting dashboards just spin and then time out. Ticket views load fine, it's only reporting. We've got a board meeting at two and I need those numbers – could someone ring me back, please?",
      },
      {
        direction: 'note',
        agentKey: 'lena-hoffmann',
        language: 'en',
        minutesAfterStart: 20,
        text: 'Called Oliver back. Linked to incident INC-2291 (reporting replica lag). On hold until engineering confirms the fix; promised him a CSV export of last month’s figures for the board meeting.',
      },
      {
        direction: 'outbound',
        agentKey: 'lena-hoffmann',
        language: 'en',
        minutesAfterStart: 38,
        text: "Hi Oliver,\n\nAs discussed on the phone: the slowdown is caused by a problem with our reporting database, and our engineers are working on it now. I've attached a CSV export of last month's figures for your board meeting. I'll let you know as soon as the dashboards are back to normal.\n\nBest regards,\nLena Hoffmann",
      },
    ],
  },
  {
    customerKey: 'dmitry-sokolov',
    channel: 'telegram',
    subject: 'Отмена подписки и возврат средств',
    status: 'solved',
    priority: 'normal',
    language: 'ru',
    teamKey: 'berlin',
    assigneeKey: 'katarzyna-nowak',
    tags: ['cancellation', 'refund'],
    hoursAgo: 48,
    messages: [
      {
        direction: 'inbound',
        language: 'ru',
        minutesAfterStart: 0,
        text: 'Здравствуйте! Хочу отменить подписку — сервис нам больше не нужен. Но сегодня с карты уже списали оплату за следующий год. Можно ли вернуть эти деньги?',
      },
      {
        direction: 'outbound',
        agentKey: 'katarzyna-nowak',
        language: 'ru',
        minutesAfterStart: 22,
        text: 'Здравствуйте, Дмитрий! Подписку я отменила. Так как продление прошло сегодня и после него вы сервисом не пользовались, мы вернём всю сумму. Деньги поступят на карту в течение 5–10 рабочих дней.',
      },
      {
        direction: 'inbound',
        language: 'ru',
        minutesAfterStart: 31,
        text: 'Спасибо, буду ждать.',
      },
    ],
  },
  {
    customerKey: 'elin-johansson',
    channel: 'email',
    subject: 'Kan vi få fakturor via Peppol?',
    status: 'new',
    priority: 'low',
    language: 'sv',
    teamKey: 'berlin',
    tags: ['billing', 'e-invoicing', 'feature-request'],
    hoursAgo: 22,
    messages: [
      {
        direction: 'inbound',
        language: 'sv',
        minutesAfterStart: 0,
        text: 'Hej!\n\nFrån och med nästa kvartal tar vår ekonomiavdelning bara emot e-fakturor via Peppol. Kan ni skicka era fakturor den vägen? Vårt Peppol-ID är 0007:5567321707.\n\nTack på förhand!\nElin Johansson',
      },
      {
        direction: 'note',
        agentKey: 'admin',
        language: 'en',
        minutesAfterStart: 90,
        text: 'No Swedish speaker on the team – reply in Swedish via translation. Peppol delivery is currently enterprise-only; checking with Finance whether we can enable it for a premium account.',
      },
    ],
  },

  // ----- Bangalore ----------------------------------------------------------
  {
    customerKey: 'anjali-verma',
    channel: 'whatsapp',
    subject: 'रिफ़ंड अभी तक नहीं मिला',
    status: 'pending',
    priority: 'high',
    language: 'hi',
    teamKey: 'bangalore',
    assigneeKey: 'arjun-mehta',
    tags: ['refund', 'payment'],
    hoursAgo: 12,
    messages: [
      {
        direction: 'inbound',
        language: 'hi',
        minutesAfterStart: 0,
        text: 'नमस्ते, मैंने 12 दिन पहले अपना ऑर्डर रद्द किया था और मुझे बताया गया था कि 5–7 दिनों में रिफ़ंड आ जाएगा। लेकिन अब तक मेरे खाते में पैसे नहीं आए हैं। कृपया जल्द से जल्द देख लीजिए।',
      },
      {
        direction: 'outbound',
        agentKey: 'arjun-mehta',
        language: 'hi',
        minutesAfterStart: 18,
        text: 'नमस्ते अंजलि जी, आपको हुई असुविधा के लिए हमें खेद है। मैंने जाँच की है — आपका ₹2,499 का रिफ़ंड हमारी ओर से 4 दिन पहले जारी हो चुका है, लेकिन बैंक ने इसे अभी तक आपके खाते में जमा नहीं किया है। रेफ़रेंस नंबर RF-74332019 है; यह नंबर अपने बैंक को बताकर आप स्थिति पता कर सकती हैं। अगर 3 दिनों में पैसे नहीं आते, तो हमें यहीं मैसेज कीजिए।',
      },
      {
        direction: 'note',
        agentKey: 'arjun-mehta',
        language: 'en',
        minutesAfterStart: 21,
        text: 'Refund was processed on our side 4 days ago (gateway status: success). Pending with her bank. Follow up in 3 days if she writes back.',
      },
    ],
  },
  {
    customerKey: 'vikram-iyer',
    channel: 'email',
    subject: 'URGENT: SSO login failing for all users',
    status: 'open',
    priority: 'urgent',
    language: 'en',
    teamKey: 'bangalore',
    assigneeKey: 'priya-raman',
    tags: ['login', 'sso', 'saml', 'production-down'],
    hoursAgo: 4,
    messages: [
      {
        direction: 'inbound',
        language: 'en',
        minutesAfterStart: 0,
        text: "Hi team,\n\nSince about 9:30 IST none of our 180 agents can log in via SSO. Okta shows a successful assertion, but your side returns 'Invalid SAML response: signature verification failed'. We rotated our IdP signing certificate last night – could that be related? This is blocking our entire support floor.\n\nRegards,\nVikram Iyer\nIT Operations",
      },
      {
        direction: 'note',
        agentKey: 'priya-raman',
        language: 'en',
        minutesAfterStart: 9,
        text: 'Their SAML config still has the old IdP certificate pinned. Sent a secure upload link for the new cert and temporarily enabled email magic-link login for the workspace. Keep urgent until SSO is confirmed working.',
      },
      {
        direction: 'outbound',
        agentKey: 'priya-raman',
        language: 'en',
        minutesAfterStart: 14,
        text: "Hi Vikram,\n\nThanks for the detailed report – the certificate rotation is indeed the cause. Your workspace still has the previous IdP signing certificate on file. I've sent you a secure upload link for the new certificate; once it's in place, SSO will work again immediately. In the meantime I've enabled email magic-link login so your agents can get back in right away.\n\nBest regards,\nPriya Raman",
      },
    ],
  },
  {
    customerKey: 'vikram-iyer',
    channel: 'email',
    subject: 'Invoice copies for the last financial year',
    status: 'closed',
    priority: 'low',
    language: 'en',
    teamKey: 'bangalore',
    assigneeKey: 'sana-qureshi',
    tags: ['billing', 'invoice', 'audit'],
    hoursAgo: 230,
    messages: [
      {
        direction: 'inbound',
        language: 'en',
        minutesAfterStart: 0,
        text: 'Hello,\n\nOur auditors need copies of all invoices for the last financial year (April to March), with our GSTIN shown on each. Could you send them as a single ZIP file?\n\nThanks,\nVikram',
      },
      {
        direction: 'outbound',
        agentKey: 'sana-qureshi',
        language: 'en',
        minutesAfterStart: 65,
        text: 'Hi Vikram,\n\nPlease find attached a ZIP with all 12 invoices from April to March. Each invoice shows your GSTIN (29ABCDE1234F1Z5). Let us know if your auditors need anything else.\n\nKind regards,\nSana Qureshi',
      },
    ],
  },
  {
    customerKey: 'ahmed-hassan',
    channel: 'whatsapp',
    subject: 'لا أستطيع تسجيل الدخول بعد تحديث التطبيق',
    status: 'open',
    priority: 'normal',
    language: 'ar',
    teamKey: 'bangalore',
    assigneeKey: 'sana-qureshi',
    tags: ['login', 'mobile-app', 'bug'],
    hoursAgo: 14,
    messages: [
      {
        direction: 'inbound',
        language: 'ar',
        minutesAfterStart: 0,
        text: 'السلام عليكم،\nبعد تحديث التطبيق على هاتفي أمس لم أعد أستطيع تسجيل الدخول، وتظهر لي رسالة «حدث خطأ غير متوقع». جرّبت حذف التطبيق وتثبيته من جديد لكن المشكلة ما زالت موجودة. أرجو المساعدة، وشكرًا.',
      },
      {
        direction: 'outbound',
        agentKey: 'sana-qureshi',
        language: 'ar',
        minutesAfterStart: 26,
        text: 'وعليكم السلام أستاذ أحمد،\nنعتذر عن هذا الإزعاج. الإصدار الأخير من التطبيق به خلل معروف على بعض أجهزة أندرويد، وسيتم إصلاحه في تحديث خلال يومين. وحتى ذلك الحين يمكنك تسجيل الدخول من المتصفح بشكل طبيعي. سنبلغك فور صدور التحديث.',
      },
      {
        direction: 'note',
        agentKey: 'sana-qureshi',
        language: 'en',
        minutesAfterStart: 29,
        text: 'Known issue MOB-812 (Android login crash after the latest app update). Added the customer to the bug’s notification list; reply once the fix is in the store.',
      },
    ],
  },

  // ----- São Paulo ----------------------------------------------------------
  {
    customerKey: 'joao-almeida',
    channel: 'whatsapp',
    subject: 'API fora do ar – erro 503',
    status: 'open',
    priority: 'urgent',
    language: 'pt',
    teamKey: 'sao-paulo',
    assigneeKey: 'rafael-oliveira',
    tags: ['outage', 'api', 'production-down'],
    hoursAgo: 1,
    messages: [
      {
        direction: 'inbound',
        language: 'pt',
        minutesAfterStart: 0,
        text: 'Pessoal, a integração com a API de vocês está retornando 503 em todas as chamadas há uns 15 minutos. Os pedidos da loja não estão sincronizando e estamos em pleno horário de pico. Socorro! 🚨',
      },
      {
        direction: 'note',
        agentKey: 'rafael-oliveira',
        language: 'pt',
        minutesAfterStart: 4,
        text: 'Confirmado: 503 em todas as rotas do gateway da API. Já escalei para o plantão de SRE (INC-2320). Cliente enterprise – SLA de primeira resposta de 1h.',
      },
      {
        direction: 'outbound',
        agentKey: 'rafael-oliveira',
        language: 'pt',
        minutesAfterStart: 9,
        text: 'Oi, João! Já confirmamos a instabilidade na API e nosso time de infraestrutura está atuando nisso agora. Os pedidos que falharam ficam na fila de webhooks e serão reenviados automaticamente assim que tudo normalizar. Te dou notícias por aqui a cada 30 minutos, combinado?',
      },
    ],
  },
  {
    customerKey: 'joao-almeida',
    channel: 'email',
    subject: 'Sugestão: relatórios por canal de atendimento',
    status: 'on_hold',
    priority: 'low',
    language: 'pt',
    teamKey: 'sao-paulo',
    assigneeKey: 'camila-souza',
    tags: ['feature-request', 'reporting'],
    hoursAgo: 120,
    messages: [
      {
        direction: 'inbound',
        language: 'pt',
        minutesAfterStart: 0,
        text: 'Olá, equipe!\n\nSeria ótimo poder filtrar os relatórios de tempo de resposta por canal (WhatsApp, e-mail, chat). Hoje precisamos exportar tudo para uma planilha e montar isso na mão toda semana.\n\nAbraços,\nJoão Pedro',
      },
      {
        direction: 'outbound',
        agentKey: 'camila-souza',
        language: 'pt',
        minutesAfterStart: 150,
        text: 'Oi, João Pedro!\n\nObrigada pela sugestão – faz total sentido. Encaminhei para o nosso time de produto, e o filtro por canal já está no planejamento do próximo trimestre. Vou deixar este chamado em espera e te aviso assim que a funcionalidade entrar em beta.\n\nAbraços,\nCamila Souza',
      },
      {
        direction: 'note',
        agentKey: 'camila-souza',
        language: 'pt',
        minutesAfterStart: 153,
        text: 'Vinculado ao pedido de funcionalidade FR-118 (relatórios por canal). Reabrir quando entrar em beta.',
      },
    ],
  },
  {
    customerKey: 'tiago-ferreira',
    channel: 'email',
    subject: 'Cancelamento da subscrição',
    status: 'solved',
    priority: 'normal',
    language: 'pt',
    teamKey: 'sao-paulo',
    assigneeKey: 'camila-souza',
    tags: ['cancellation'],
    hoursAgo: 44,
    messages: [
      {
        direction: 'inbound',
        language: 'pt',
        minutesAfterStart: 0,
        text: 'Boa tarde,\n\nVenho por este meio solicitar o cancelamento da minha subscrição no final do período em curso. Agradeço que me confirmem por e-mail que não haverá nova cobrança.\n\nCom os melhores cumprimentos,\nTiago Ferreira',
      },
      {
        direction: 'outbound',
        agentKey: 'camila-souza',
        language: 'pt',
        minutesAfterStart: 55,
        text: 'Caro Sr. Tiago Ferreira,\n\nConfirmamos que a sua subscrição foi cancelada e permanecerá ativa até ao final do período atual, sem qualquer nova cobrança. Caso mude de ideias, poderá reativá-la a qualquer momento nas definições da conta.\n\nCom os melhores cumprimentos,\nCamila Souza',
      },
    ],
  },
  {
    customerKey: 'lucia-martinez',
    channel: 'whatsapp',
    subject: 'Pedido con retraso',
    status: 'pending',
    priority: 'normal',
    language: 'es',
    teamKey: 'sao-paulo',
    assigneeKey: 'camila-souza',
    tags: ['shipping', 'delay'],
    hoursAgo: 20,
    messages: [
      {
        direction: 'inbound',
        language: 'es',
        minutesAfterStart: 0,
        text: 'Hola, hice un pedido hace una semana (n.º 48213) y en el seguimiento sigue poniendo «en preparación». ¿Sabéis algo? Lo necesito antes del viernes 🙏',
      },
      {
        direction: 'outbound',
        agentKey: 'camila-souza',
        language: 'es',
        minutesAfterStart: 16,
        text: '¡Hola, Lucía! Lo he consultado con el almacén: tu pedido salió ayer por la tarde y debería llegarte el jueves. El número de seguimiento de la agencia de transporte es ES-7731-0492. Si el jueves todavía no lo tienes, escríbeme por aquí y lo solucionamos.',
      },
      {
        direction: 'inbound',
        language: 'es',
        minutesAfterStart: 21,
        text: '¡Genial, muchas gracias! Ya te cuento.',
      },
    ],
  },
  {
    customerKey: 'valentina-gomez',
    channel: 'chat',
    subject: '¿Puedo pagar en pesos?',
    status: 'closed',
    priority: 'low',
    language: 'es',
    teamKey: 'sao-paulo',
    assigneeKey: 'mateo-fernandez',
    tags: ['billing', 'pricing', 'currency'],
    hoursAgo: 75,
    messages: [
      {
        direction: 'inbound',
        language: 'es',
        minutesAfterStart: 0,
        text: '¡Hola! Quería saber si puedo pagar el plan Standard en pesos argentinos o si sí o sí tiene que ser en dólares. Con la tarjeta me cobran un montón de impuestos 😩',
      },
      {
        direction: 'outbound',
        agentKey: 'mateo-fernandez',
        language: 'es',
        minutesAfterStart: 3,
        text: '¡Hola, Valentina! Por ahora cobramos solo en dólares, pero si elegís el plan anual te conviene más: pagás una sola vez y te ahorrás dos meses. Igual ya anoté tu pedido para el equipo de pagos, porque varios clientes de Argentina nos preguntaron lo mismo.',
      },
      {
        direction: 'inbound',
        language: 'es',
        minutesAfterStart: 6,
        text: 'Dale, ¡gracias! Lo voy a pensar.',
      },
    ],
  },

  // ----- San Francisco ------------------------------------------------------
  {
    customerKey: 'alejandro-hernandez',
    channel: 'whatsapp',
    subject: 'Urgente: la plataforma no carga, operación detenida',
    status: 'open',
    priority: 'urgent',
    language: 'es',
    teamKey: 'san-francisco',
    assigneeKey: 'daniel-reyes',
    tags: ['outage', 'production-down', 'vip'],
    hoursAgo: 2,
    messages: [
      {
        direction: 'inbound',
        language: 'es',
        minutesAfterStart: 0,
        text: 'Buenos días. Desde hace unos 20 minutos ninguno de nuestros agentes puede entrar a la plataforma: después de iniciar sesión aparece una pantalla en blanco. Tenemos toda la operación detenida. ¿Me pueden apoyar con urgencia, por favor?',
      },
      {
        direction: 'note',
        agentKey: 'daniel-reyes',
        language: 'en',
        minutesAfterStart: 6,
        text: 'Reproduced: blank screen after login for their workspace. Browser console shows a CSP error for the new CDN host. Paged on-call, tracking as INC-2317.',
      },
      {
        direction: 'outbound',
        agentKey: 'daniel-reyes',
        language: 'es',
        minutesAfterStart: 12,
        text: 'Buenos días, Sr. Hernández. Ya identificamos el problema: un cambio en nuestra red de distribución de contenido está bloqueando la carga de la aplicación en su cuenta. Nuestro equipo de guardia ya está trabajando en ello y le mantendré informado cada 30 minutos. Mientras tanto, la aplicación móvil funciona con normalidad.',
      },
      {
        direction: 'inbound',
        language: 'es',
        minutesAfterStart: 15,
        text: 'Gracias por la rapidez. Quedo al pendiente.',
      },
    ],
  },
  {
    customerKey: 'alejandro-hernandez',
    channel: 'email',
    subject: 'Solicitud de factura CFDI',
    status: 'solved',
    priority: 'normal',
    language: 'es',
    teamKey: 'san-francisco',
    assigneeKey: 'daniel-reyes',
    tags: ['billing', 'invoice'],
    hoursAgo: 170,
    messages: [
      {
        direction: 'inbound',
        language: 'es',
        minutesAfterStart: 0,
        text: 'Buenas tardes:\n\nPara poder deducir el pago de este mes necesitamos la factura CFDI 4.0 con los siguientes datos: RFC DME150512QK4, régimen fiscal 601, uso de CFDI G03. ¿Podrían emitirla, por favor?\n\nSaludos cordiales,\nAlejandro Hernández Ruiz',
      },
      {
        direction: 'outbound',
        agentKey: 'daniel-reyes',
        language: 'es',
        minutesAfterStart: 110,
        text: 'Buenas tardes, Sr. Hernández:\n\nLe adjunto la factura CFDI 4.0 (PDF y XML) con los datos fiscales que nos indicó. También los registramos en su cuenta para que las próximas facturas se emitan automáticamente con esa información.\n\nQuedo a sus órdenes.\nDaniel Reyes',
      },
    ],
  },
  {
    customerKey: 'fang-wang',
    channel: 'email',
    subject: '订单十天还没发货',
    status: 'open',
    priority: 'high',
    language: 'zh',
    teamKey: 'san-francisco',
    assigneeKey: 'wei-chen',
    tags: ['shipping', 'delay', 'backorder'],
    hoursAgo: 18,
    messages: [
      {
        direction: 'inbound',
        language: 'zh',
        minutesAfterStart: 0,
        text: '您好，\n\n我十天前下的订单（订单号：CN-58214）到现在还显示“处理中”，一直没有发货。请问是什么原因？如果无法发货，请尽快给我退款。\n\n谢谢！\n王芳',
      },
      {
        direction: 'outbound',
        agentKey: 'wei-chen',
        language: 'zh',
        minutesAfterStart: 40,
        text: '王女士您好：\n\n非常抱歉让您久等了。经核查，您订单中的一件商品暂时缺货，导致整个订单被暂停处理。我们已安排先将其余商品发出，预计3个工作日内送达；缺货商品到货后将免费单独寄出。如果您希望取消缺货商品并退款，请直接回复此邮件。\n\n祝好！\nWei Chen（陈伟）',
      },
    ],
  },
  {
    customerKey: 'emily-johnson',
    channel: 'sms',
    subject: 'How do I add a second admin?',
    status: 'solved',
    priority: 'low',
    language: 'en',
    teamKey: 'san-francisco',
    assigneeKey: 'megan-carter',
    tags: ['how-to', 'permissions'],
    hoursAgo: 100,
    messages: [
      {
        direction: 'inbound',
        language: 'en',
        minutesAfterStart: 0,
        text: 'Hi! Quick q – how do I give my coworker admin access? I can only find the option to invite her as an agent.',
      },
      {
        direction: 'outbound',
        agentKey: 'megan-carter',
        language: 'en',
        minutesAfterStart: 7,
        text: "Hi Emily! Invite her as an agent first, then go to Settings → Team → click her name → change Role to Admin. Only the account owner can change roles, so make sure you're logged in as the owner. Let me know if the option doesn't show up!",
      },
      {
        direction: 'inbound',
        language: 'en',
        minutesAfterStart: 15,
        text: 'Found it, thanks so much!',
      },
    ],
  },
  {
    customerKey: 'emily-johnson',
    channel: 'api',
    subject: 'Feature request: Slack alerts for urgent tickets',
    status: 'on_hold',
    priority: 'low',
    language: 'en',
    teamKey: 'san-francisco',
    assigneeKey: 'megan-carter',
    tags: ['feature-request', 'integrations', 'slack'],
    hoursAgo: 210,
    messages: [
      {
        direction: 'inbound',
        language: 'en',
        minutesAfterStart: 0,
        text: 'It would be great to get a Slack notification whenever a ticket is marked urgent. Right now our on-call person only finds out when they happen to check the queue.',
      },
      {
        direction: 'note',
        agentKey: 'megan-carter',
        language: 'en',
        minutesAfterStart: 200,
        text: 'Logged as +1 on FR-204 (native Slack notifications). Workaround: automation rule → outbound webhook → Slack incoming webhook. On hold until the integration ships.',
      },
      {
        direction: 'outbound',
        agentKey: 'megan-carter',
        language: 'en',
        minutesAfterStart: 210,
        text: "Hi Emily, thanks for the suggestion! Native Slack alerts are on our roadmap. Until then, you can create an automation that sends urgent tickets to a Slack incoming webhook (Settings → Automations → Webhooks). I'll update you here as soon as the integration launches.",
      },
    ],
  },

  // ----- Tokyo --------------------------------------------------------------
  {
    customerKey: 'kenta-yamamoto',
    channel: 'email',
    subject: '請求書の宛名変更のお願い',
    status: 'solved',
    priority: 'normal',
    language: 'ja',
    teamKey: 'tokyo',
    assigneeKey: 'yuki-sato',
    tags: ['billing', 'invoice'],
    hoursAgo: 60,
    messages: [
      {
        direction: 'inbound',
        language: 'ja',
        minutesAfterStart: 0,
        text: 'ご担当者様\n\nいつもお世話になっております。株式会社ミナトロジスティクスの山本です。\n来月分以降の請求書の宛名を「株式会社ミナトロジスティクス 経理部」に変更していただけますでしょうか。\nお手数をおかけしますが、どうぞよろしくお願いいたします。\n\n山本 健太',
      },
      {
        direction: 'outbound',
        agentKey: 'yuki-sato',
        language: 'ja',
        minutesAfterStart: 35,
        text: '山本様\n\nいつもお世話になっております。サポートチームの佐藤でございます。\nご依頼いただきました請求書の宛名を「株式会社ミナトロジスティクス 経理部」に変更いたしました。来月分の請求書から反映されます。\n今後ともどうぞよろしくお願い申し上げます。\n\n佐藤 由紀',
      },
      {
        direction: 'inbound',
        language: 'ja',
        minutesAfterStart: 80,
        text: '佐藤様\n\nご対応いただきありがとうございます。承知いたしました。\n\n山本',
      },
    ],
  },
  {
    customerKey: 'kenta-yamamoto',
    channel: 'email',
    subject: '管理画面にログインできません',
    status: 'pending',
    priority: 'high',
    language: 'ja',
    teamKey: 'tokyo',
    assigneeKey: 'kenji-tanaka',
    tags: ['login', '2fa'],
    hoursAgo: 9,
    messages: [
      {
        direction: 'inbound',
        language: 'ja',
        minutesAfterStart: 0,
        text: 'ご担当者様\n\nお世話になっております。山本です。\n本日朝から、管理画面にログインしようとすると「二段階認証コードが無効です」と表示され、ログインできません。認証アプリの時刻設定は確認済みです。\n月末の締め作業があるため、至急ご確認いただけますと幸いです。\n\n山本 健太',
      },
      {
        direction: 'note',
        agentKey: 'kenji-tanaka',
        language: 'ja',
        minutesAfterStart: 15,
        text: '先週のアカウント移行で2FAのシークレットが再発行された可能性あり。本人確認後に2FAをリセット予定。',
      },
      {
        direction: 'outbound',
        agentKey: 'kenji-tanaka',
        language: 'ja',
        minutesAfterStart: 22,
        text: '山本様\n\nお世話になっております。サポートチームの田中でございます。\nご不便をおかけしており、誠に申し訳ございません。先週実施したアカウント移行の影響で、二段階認証の設定がリセットされている可能性がございます。\nご本人確認のため、ご登録の電話番号宛てにSMSで確認コードをお送りいたしました。コードをご返信いただけましたら、すぐに二段階認証を再設定いたします。\n\n何卒よろしくお願いいたします。\n田中 健二',
      },
    ],
  },
  {
    customerKey: 'seoyeon-kim',
    channel: 'chat',
    subject: '통계 데이터 내보내기 기능 문의',
    status: 'pending',
    priority: 'low',
    language: 'ko',
    teamKey: 'tokyo',
    assigneeKey: 'minji-park',
    tags: ['feature-request', 'reporting', 'export'],
    hoursAgo: 36,
    messages: [
      {
        direction: 'inbound',
        language: 'ko',
        minutesAfterStart: 0,
        text: '안녕하세요. 대시보드의 상담 통계를 CSV나 엑셀 파일로 내보낼 수 있는 기능이 있나요? 매주 보고서를 만들 때마다 화면을 캡처해서 정리하고 있어서 시간이 많이 걸립니다.',
      },
      {
        direction: 'outbound',
        agentKey: 'minji-park',
        language: 'ko',
        minutesAfterStart: 5,
        text: "안녕하세요, 김서연 고객님. 문의해 주셔서 감사합니다. 통계 화면 오른쪽 위의 '내보내기' 버튼을 누르시면 CSV 파일로 다운로드하실 수 있습니다. 엑셀(xlsx) 형식은 아직 지원하지 않지만, 고객님의 요청을 제품팀에 전달해 두었습니다. 더 궁금하신 점이 있으시면 언제든지 말씀해 주세요.",
      },
      {
        direction: 'note',
        agentKey: 'minji-park',
        language: 'en',
        minutesAfterStart: 8,
        text: 'Customer did not know about the CSV export. Added her as +1 on the xlsx export request (FR-97).',
      },
    ],
  },
  {
    customerKey: 'fang-wang',
    channel: 'email',
    subject: '发票抬头需要修改',
    status: 'solved',
    priority: 'low',
    language: 'zh',
    teamKey: 'tokyo',
    assigneeKey: 'kenji-tanaka',
    tags: ['billing', 'invoice'],
    hoursAgo: 140,
    messages: [
      {
        direction: 'inbound',
        language: 'zh',
        minutesAfterStart: 0,
        text: '您好，\n\n上个月的发票抬头写错了，应为“上海云帆贸易有限公司”。麻烦帮忙重新开具一张，谢谢。\n\n王芳',
      },
      {
        direction: 'outbound',
        agentKey: 'kenji-tanaka',
        language: 'zh',
        minutesAfterStart: 85,
        text: '王女士您好：\n\n已按照您提供的信息重新开具发票，抬头为“上海云帆贸易有限公司”。新发票已发送到您的邮箱，请查收。\n\n此致\n敬礼\n田中健二',
      },
    ],
  },
];
