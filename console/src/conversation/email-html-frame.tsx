import DOMPurify from 'dompurify';
import { useMemo } from 'react';

/**
 * Chromium checks the page's CSP for every `on…=` attribute it parses, even in DOMPurify's inert document,
 * and logs a (blocked) violation for each. A zero-width space after a word-initial "on" before "…=" makes
 * such names ordinary unknown attributes, which DOMPurify then drops; in text it is invisible. DOMPurify,
 * the sandbox and the CSP are the defence: this only keeps the console quiet.
 */
const defuseHandlers = (html: string) => html.replace(/\b(on)([a-z]+\s*=)/gi, '$1\u200b$2');

/**
 * Sanitises customer e-mail HTML once more in the browser (the server already did on the way in):
 * no scripts, handlers, forms or frames, and only http(s)/mailto links, which open outside the console.
 */
export function purifyEmailHtml(html: string): string {
  const purify = DOMPurify();
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A') {
      const href = node.getAttribute('href') ?? '';
      if (!/^(https?:|mailto:)/i.test(href.trim())) node.removeAttribute('href');
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
  });
  return purify.sanitize(defuseHandlers(html), {
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'iframe', 'object', 'embed', 'svg', 'math'],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|cid:)/i,
  });
}

/**
 * The HTML body of an e-mail, shown in a frame with `sandbox=""`: no scripts, no same origin (it can
 * reach neither the console nor its cookies), no forms, no popups, no top navigation. The page's CSP
 * applies to the srcdoc too.
 */
export function EmailHtmlFrame({ html, title }: { html: string; title: string }) {
  const doc = useMemo(() => `<!doctype html><meta charset="utf-8"><base target="_blank">${purifyEmailHtml(html)}`, [html]);
  return <iframe className="email-frame" sandbox="" srcDoc={doc} title={title} referrerPolicy="no-referrer" />;
}
