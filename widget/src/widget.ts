import type {
  IdentifyRequest,
  IdentifyResponse,
  OfflineResponse,
  ServerFrame,
  SessionResponse,
  WidgetAttachment,
  WidgetConfig,
  WidgetMessage,
  WidgetSurvey,
} from '../../server/src/widget/protocol.js';
import { ApiError, postJson, request } from './http.js';
import { fill, isRtl, negotiate, strings, type Strings } from './i18n.js';
import { createLink, type Link } from './link.js';
import { load, save, uuid } from './storage.js';
import { S } from './strings.js';
import { CSS } from './style.js';
import { Thread, type Send } from './thread.js';
import { formatHours, formatInstant } from './time.js';

export interface WidgetOptions {
  key: string;
  /** The Meridian server's origin (where widget.js came from). */
  base: string;
  /** data-locale of the script tag. */
  locale?: string | undefined;
}

type Identity = Omit<IdentifyRequest, 'key' | 'visitorToken'>;
type Kids = (Node | string)[];

function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | undefined> = {}, ...kids: Kids) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) el.setAttribute(k, v);
  el.append(...kids);
  return el;
}

const svg = (size: number, attrs: string, d: string) =>
  `<svg viewBox="0 0 24 24" width="${size}" height="${size}" aria-hidden="true" ${attrs}><path d="${d}"/></svg>`;
const ICON = svg(28, 'fill="currentColor"', 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z');
const CLIP = svg(
  20,
  'fill="none" stroke="currentColor" stroke-width="2"',
  'M21 12l-8.5 8.5a5 5 0 0 1-7-7L14 5a3.5 3.5 0 0 1 5 5l-8.5 8.5a2 2 0 0 1-3-3L15 8',
);

/** The widget: a launcher and a chat panel in a shadow root, talking to Meridian over HTTP and one WebSocket. */
export function createWidget(o: WidgetOptions) {
  const api = (path: string) => `${o.base}/api/v1/widget/${path}`;
  const slot = (name: string) => `meridian:${o.key}:${name}`;
  let locale = negotiate([...(o.locale ? [o.locale] : []), ...navigator.languages]);
  let s: Strings = strings(locale);
  let cfg: WidgetConfig | null = null;
  let token = load<string | null>(slot('token'), null);
  let conversationId: string | null = null;
  let verified = false;
  let session: Promise<void> | null = null;
  let link: Link | null = null;
  let identity: Identity | null = null;
  let opened = false;
  let booted = false;
  let blocked = false;
  let staged: WidgetAttachment[] = [];
  let typingSent = 0;
  let typingStop: ReturnType<typeof setTimeout> | undefined;
  let typingHide: ReturnType<typeof setTimeout> | undefined;
  let errorHide: ReturnType<typeof setTimeout> | undefined;
  const thread = new Thread(load<Send[]>(slot('pending'), []), (p) => save(slot('pending'), p));
  const els = new Map<string, HTMLElement>();

  const host = h('div', { 'data-meridian-widget': '' });
  const root = host.attachShadow({ mode: 'open' });
  // A constructed stylesheet passes host pages whose CSP forbids inline <style>; older browsers get the element.
  const style: Node[] = [];
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [sheet];
  } catch {
    style.push(h('style', {}, CSS));
  }
  let launcher: HTMLButtonElement;
  let panel: HTMLElement;
  let log: HTMLElement;
  let typing: HTMLElement;
  let note: HTMLElement;
  let error: HTMLElement;
  let compose: HTMLFormElement;
  let input: HTMLTextAreaElement;
  let files: HTMLElement;
  let prechat: HTMLElement;

  const when = (iso: string) => formatInstant(iso, locale, new Date());

  function showError(code: string): void {
    const known: Record<string, S> = {
      rate_limited: S.rate_limited,
      message_too_long: S.message_too_long,
      blocked: S.blocked,
      too_large: S.too_large,
    };
    error.textContent = s[known[code] ?? S.error];
    error.hidden = false;
    clearTimeout(errorHide);
    errorHide = setTimeout(() => (error.hidden = true), 8000);
  }

  // ---- rendering -----------------------------------------------------------------------------

  function bubble(m: WidgetMessage | Send, pending: boolean): HTMLElement {
    const sent = 't' in m ? null : m;
    const author = sent?.author ?? 'visitor';
    const meta = pending ? '…' : [author === 'agent' ? sent?.authorName : '', sent ? when(sent.createdAt) : ''].filter(Boolean).join(' · ');
    const names = sent?.attachments.map((a) => `⎘ ${a.name}`) ?? [];
    const el = h('div', { class: `m ${author[0]}` }, h('small', {}, meta), m.text, ...names.map((n) => h('div', {}, n)));
    if (sent?.survey) el.append(rating(sent.survey));
    return el;
  }

  /** A survey invitation's scale: one button per score, answered through the public survey endpoint. */
  function rating(v: WidgetSurvey): HTMLElement {
    const box = h('div', { class: 'r', role: 'group', 'aria-label': v.legend, lang: v.lang, dir: v.dir });
    const say = (t: string) => box.replaceChildren(h('p', { role: 'status' }, t));
    if (v.done) say(v.thanks);
    else {
      for (let n = v.min; n <= v.max; n++) {
        const b = h('button', { type: 'button' }, String(n));
        b.onclick = () =>
          postJson(`${o.base}/api/v1/public/surveys/answer`, { token: v.token, score: n, source: 'widget' }).then(
            () => {
              v.done = true;
              say(v.thanks);
            },
            (e: ApiError) => (e.status === 409 ? say(v.answered) : showError(e.code)),
          );
        box.append(b);
      }
      box.append(h('small', {}, v.ends));
    }
    return box;
  }

  function place(m: WidgetMessage): void {
    const el = bubble(m, false);
    const old = (m.clientId && els.get(`c:${m.clientId}`)) || els.get(m.id);
    if (m.clientId) els.delete(`c:${m.clientId}`);
    els.set(m.id, el);
    if (old) return old.replaceWith(el);
    const order = thread.ordered();
    const next = order[order.findIndex((x) => x.id === m.id) + 1];
    const before = (next && els.get(next.id)) || log.querySelector('.q');
    log.insertBefore(el, before);
    log.scrollTop = log.scrollHeight;
  }

  function placePending(p: Send): void {
    const el = bubble(p, true);
    el.classList.add('q');
    els.set(`c:${p.clientId}`, el);
    log.append(el);
    log.scrollTop = log.scrollHeight;
  }

  function receive(m: WidgetMessage): void {
    const isNew = thread.add(m);
    if (isNew || (m.clientId && els.has(`c:${m.clientId}`))) place(m);
    if (isNew && m.author !== 'visitor' && !opened) launcher.classList.add('u');
  }

  const chatting = () => conversationId !== null || thread.messages.size > 0 || thread.pending.length > 0;

  function render(): void {
    els.clear();
    const dir = isRtl(locale) ? 'rtl' : 'ltr';
    const title = cfg?.workspaceName || s[S.title];
    launcher = h('button', { class: 'l', 'aria-label': s[S.title], 'aria-expanded': String(opened), 'aria-controls': 'mw-p' });
    launcher.innerHTML = ICON;
    launcher.onclick = () => (opened ? close() : open());

    const lines: string[] = [];
    if (cfg) {
      lines.push(cfg.open ? s[S.online] : s[S.away]);
      if (cfg.open && cfg.expectedReplyAt) lines.push(fill(s[S.replyBy], when(cfg.expectedReplyAt)));
      if (!cfg.open && cfg.nextOpenAt) lines.push(fill(s[S.backAt], when(cfg.nextOpenAt)));
      if (cfg.hoursToday.length) lines.push(fill(s[S.hours], formatHours(cfg.hoursToday, locale, new Date())));
    }
    const x = h('button', { class: 'x', type: 'button', 'aria-label': s[S.close] }, '×');
    x.onclick = close;

    log = h('div', { class: 'g', role: 'log', 'aria-live': 'polite', 'aria-label': title, tabindex: '0' });
    const greeting = cfg?.greeting?.[locale] ?? cfg?.greeting?.[locale.split('-')[0]!];
    if (greeting) log.append(h('p', { class: 'm a' }, greeting));
    typing = h('p', { class: 't', hidden: '' }, s[S.typing]);
    note = h('p', { class: 'n', role: 'status' });
    error = h('p', { class: 'e', role: 'alert', hidden: '' });

    panel = h(
      'section',
      { class: 'p', id: 'mw-p', role: 'dialog', 'aria-label': title, dir, lang: locale, hidden: opened ? undefined : '' },
      h('header', {}, h('h2', {}, title), ...lines.map((l) => h('p', {}, l)), x),
      log,
      typing,
      note,
      error,
      body(),
    );
    panel.onkeydown = (e) => {
      if (e.key === 'Escape') close();
    };
    root.replaceChildren(...style, launcher, panel);
    for (const m of thread.ordered()) place(m);
    for (const p of thread.pending) placePending(p);
  }

  function field(name: string, label: string, type: string, required: boolean, area = false): HTMLLabelElement {
    const attrs = { name, required: required ? '' : undefined, type, autocomplete: type === 'text' ? 'name' : type };
    return h('label', {}, label, area ? h('textarea', { name, required: '' }) : h('input', attrs));
  }

  function body(): HTMLElement {
    // Chat for signed-in visitors only: until the page calls identify, there is nothing to offer.
    if (blocked || (cfg?.identityRequired && !verified)) return h('p', { class: 'n' }, s[S.blocked]);
    if (cfg && !cfg.open && !chatting()) return offlineForm();
    input = h('textarea', { 'aria-label': s[S.input], placeholder: s[S.input], maxlength: String(cfg?.maxMessageLength ?? 10000) });
    const picker = h('input', { type: 'file', hidden: '', multiple: '' });
    const clip = h('button', { type: 'button', class: 'a', 'aria-label': s[S.attach] });
    clip.innerHTML = CLIP;
    clip.onclick = () => picker.click();
    picker.onchange = () => {
      for (const f of picker.files ?? []) void upload(f);
      picker.value = '';
    };
    files = h('div', { class: 'f' });
    prechat = h('div', { class: 'f' });
    if (!chatting())
      for (const f of cfg?.preChatFields ?? []) {
        const known = ({ name: [S.name, 'text'], email: [S.email, 'email'], phone: [S.phone, 'tel'] } as Record<string, [S, string]>)[
          f.name
        ];
        const label = f.label?.[locale] ?? f.label?.[locale.split('-')[0]!] ?? (known ? s[known[0]] : f.name);
        prechat.append(field(f.name, label, known?.[1] ?? 'text', f.required));
      }
    compose = h('form', {}, prechat, files, clip, input, h('button', {}, s[S.send]), picker);
    input.onkeydown = (e) => {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
        e.preventDefault();
        compose.requestSubmit();
      }
    };
    input.oninput = typed;
    compose.onsubmit = (e) => {
      e.preventDefault();
      submit();
    };
    return compose;
  }

  function offlineForm(): HTMLElement {
    const clientId = uuid();
    const form = h(
      'form',
      {},
      field('email', s[S.email], 'email', true),
      field('name', s[S.name], 'text', false),
      field('text', s[S.message], 'text', true, true),
      h('button', {}, s[S.send]),
    );
    form.onsubmit = async (e) => {
      e.preventDefault();
      const v = (n: string) => (form.elements.namedItem(n) as HTMLInputElement).value.trim();
      try {
        await ensureSession();
        await postJson<OfflineResponse>(api('offline'), {
          key: o.key,
          visitorToken: token,
          email: v('email'),
          ...(v('name') ? { name: v('name') } : {}),
          text: v('text'),
          clientId,
        });
        form.replaceWith(h('p', { class: 'n', role: 'status' }, s[S.thanks]));
      } catch (err) {
        showError(err instanceof ApiError ? err.code : 'error');
      }
    };
    return form;
  }

  // ---- talking to the server ---------------------------------------------------------------

  function ensureSession(): Promise<void> {
    session ??= postJson<SessionResponse>(api('sessions'), {
      key: o.key,
      ...(token ? { visitorToken: token } : {}),
      locale,
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      pageUrl: location.href,
    }).then(
      (r) => {
        save(slot('token'), (token = r.visitorToken));
        conversationId = r.conversationId;
        verified = r.verified;
      },
      (err: unknown) => {
        session = null;
        throw err;
      },
    );
    return session;
  }

  function onFrame(f: ServerFrame): void {
    if (f.t === 'welcome') {
      conversationId = f.conversationId;
      f.messages.forEach(receive);
      // Whatever the server has not acknowledged goes again; it stores each client id once.
      for (const p of thread.pending) link!.send(p);
    } else if (f.t === 'ack') {
      receive(f.message);
    } else if (f.t === 'message') {
      receive(f.message);
      if (f.message.author === 'agent') typing.hidden = true;
    } else if (f.t === 'typing') {
      typing.textContent = f.authorName ? `${f.authorName}: ${s[S.typing]}` : s[S.typing];
      typing.hidden = !f.on;
      clearTimeout(typingHide);
      typingHide = setTimeout(() => (typing.hidden = true), 10_000);
    } else if (f.t === 'error') {
      // Refused for good (too long, blocked…): give the text back instead of resending it forever.
      const p = f.clientId && f.code !== 'rate_limited' ? thread.settle(f.clientId) : undefined;
      if (p) {
        els.get(`c:${p.clientId}`)?.remove();
        if (input && !input.value) input.value = p.text;
      }
      showError(f.code);
    }
  }

  function connect(): void {
    if (link || blocked) return;
    link = createLink(`${o.base.replace(/^http/, 'ws')}/api/v1/widget/socket?key=${encodeURIComponent(o.key)}`, {
      hello: () => ({ t: 'hello', visitorToken: token!, since: thread.last() }),
      frame: onFrame,
      state: (up) => (note.textContent = up ? '' : s[S.reconnect]),
      closed: (code) => {
        if (code === 4403) {
          blocked = true;
          render();
          return false;
        }
        if (code === 4401) {
          // The visitor token is gone (expired or unknown): start a new visitor, then reconnect.
          save(slot('token'), (token = null));
          session = null;
          link = null;
          void ensureSession().then(connect, () => undefined);
          return false;
        }
        if (code === 4429) showError('rate_limited');
        return true;
      },
    });
    link.start();
  }

  const startChat = () =>
    ensureSession().then(connect, () => {
      showError('error');
      session = null;
    });

  function submit(): void {
    const text = input.value.trim();
    if (!text && !staged.length) return;
    if (cfg && text.length > cfg.maxMessageLength) return showError('message_too_long');
    const fields = Object.fromEntries(
      [...prechat.querySelectorAll('input')].map((i) => [i.name, i.value.trim()] as const).filter(([, v]) => v),
    );
    const p: Send = {
      t: 'send',
      clientId: uuid(),
      text,
      ...(staged.length ? { attachmentIds: staged.map((a) => a.id) } : {}),
      ...(Object.keys(fields).length ? { fields } : {}),
    };
    thread.queue(p);
    placePending(p);
    input.value = '';
    staged = [];
    files.replaceChildren();
    prechat.remove();
    sendTyping(false);
    if (!link?.send(p)) void startChat();
  }

  function sendTyping(on: boolean): void {
    clearTimeout(typingStop);
    if (on === typingSent > 0) return;
    typingSent = on ? Date.now() : 0;
    link?.send({ t: 'typing', on });
  }

  function typed(): void {
    // At most one "typing" frame every 3 s while keys come, and "stopped" 4 s after the last one.
    if (Date.now() - typingSent > 3000) {
      typingSent = 0;
      sendTyping(true);
    }
    clearTimeout(typingStop);
    typingStop = setTimeout(() => sendTyping(false), 4000);
  }

  async function upload(file: File): Promise<void> {
    if (cfg && file.size > cfg.maxAttachmentBytes) return showError('too_large');
    try {
      await ensureSession();
      const a = await request<WidgetAttachment>(api('attachments'), {
        method: 'POST',
        headers: {
          'content-type': file.type || 'application/octet-stream',
          'x-widget-key': o.key,
          'x-visitor-token': token!,
          'x-file-name': encodeURIComponent(file.name),
        },
        body: file,
      });
      staged.push(a);
      // Its name is the file's and "×": pressing it takes the file off the message.
      const chip = h('button', { type: 'button', class: 'a' }, `${a.name} ×`);
      chip.onclick = () => {
        staged = staged.filter((x) => x !== a);
        chip.remove();
      };
      files.append(chip);
    } catch (err) {
      showError(err instanceof ApiError && err.status === 413 ? 'too_large' : err instanceof ApiError ? err.code : 'error');
    }
  }

  async function identify(who: Identity): Promise<void> {
    identity = who;
    if (!booted) return;
    try {
      await ensureSession();
      await postJson<IdentifyResponse>(api('identify'), { key: o.key, visitorToken: token, ...who });
      verified = true;
      // The verified customer's history replaces the anonymous visitor's.
      thread.clear();
      render();
      if (link) link.restart();
      else connect();
    } catch (err) {
      console.warn('[meridian] identify failed', err);
    }
  }

  function open(): void {
    opened = true;
    if (!booted) return;
    panel.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    launcher.classList.remove('u');
    (panel.querySelector('textarea,input:not([type=file])') as HTMLElement | null)?.focus();
    if (chatting() || cfg?.open !== false) void startChat();
  }

  function close(): void {
    opened = false;
    if (!booted) return;
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    launcher.focus();
  }

  async function boot(): Promise<void> {
    try {
      cfg = await request<WidgetConfig>(`${api('config')}?key=${encodeURIComponent(o.key)}`);
    } catch (err) {
      console.warn('[meridian] widget config failed', err);
      return;
    }
    // A returning visitor with a conversation or unsent messages is reconnected at once.
    if (token || thread.pending.length) await ensureSession().catch(() => undefined);
    booted = true;
    render();
    document.body.append(host);
    if (chatting()) connect();
    if (identity) void identify(identity);
    if (opened) open();
  }

  return {
    boot,
    command(cmd: string, arg?: unknown): void {
      if (cmd === 'identify') void identify(arg as Identity);
      else if (cmd === 'locale') {
        locale = negotiate([String(arg)]);
        s = strings(locale);
        if (booted) render();
      } else if (cmd === 'open') open();
      else if (cmd === 'close') close();
    },
  };
}
