import sanitizeHtml from 'sanitize-html';

// What a support message needs: text structure, links, simple tables and inline images
// by http(s)/cid only. No scripts, styles, forms, iframes or event handlers.
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'div',
    'span',
    'b',
    'strong',
    'i',
    'em',
    'u',
    's',
    'blockquote',
    'pre',
    'code',
    'ul',
    'ol',
    'li',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'hr',
    'a',
    'img',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'sub',
    'sup',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'target'],
    img: ['src', 'alt', 'width', 'height', 'data-remote-src'],
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['http', 'https', 'cid'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite', 'data-remote-src'],
  allowProtocolRelative: false,
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow', target: '_blank' }) },
};

export const sanitizeMessageHtml = (html: string): string => sanitizeHtml(html, OPTIONS);

// Remote images in mail are tracking pixels as often as content: they are kept under
// data-remote-src, so nothing is fetched until an agent asks to load them.
const MAIL_OPTIONS: sanitizeHtml.IOptions = {
  ...OPTIONS,
  transformTags: {
    ...OPTIONS.transformTags,
    img: (tagName, attribs) => {
      const { src, ...rest } = attribs;
      if (src && /^https?:/i.test(src.trim())) return { tagName, attribs: { ...rest, 'data-remote-src': src } };
      return { tagName, attribs };
    },
  },
};

/** Sanitized mail HTML with remote images held back (see MAIL_OPTIONS). */
export const sanitizeMailHtml = (html: string): string => sanitizeHtml(html, MAIL_OPTIONS);

/** Plain text of an HTML fragment, for messages that arrive as HTML only. */
export function htmlToText(html: string): string {
  const withBreaks = html.replace(/<\s*(br|\/p|\/div|\/li|\/h[1-6]|\/tr)\s*\/?>/gi, '\n');
  return sanitizeHtml(withBreaks, { allowedTags: [], allowedAttributes: {} })
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
