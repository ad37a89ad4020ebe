/**
 * A file name a sender chose, made safe to show and to offer as a download: Unicode NFC first (so
 * checks see one spelling), then no path, no control or bidi-override characters, no leading dots,
 * no Windows device name, bounded length. Pure. The name is never used to store the bytes (blob keys are ours).
 */
export function normaliseAttachmentName(raw: string, contentType: string): string {
  let name = raw.normalize('NFC');
  name = name.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
  name = name.split(/[\\/]/).pop() ?? '';
  name = name
    .replace(/^[.\s]+/, '')
    .replace(/[\s.]+$/, '')
    .replace(/[<>:"|?*]/g, '_');
  // A device name (CON, NUL.txt, COM1.pdf) cannot be saved under that name on Windows.
  if (/^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\.|$)/i.test(name)) name = `_${name}`;
  if (name.length > 200) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
    name = name.slice(0, 200 - ext.length) + ext;
  }
  return name || `attachment${extensionFor(contentType)}`;
}

const EXT: Record<string, string> = {
  'image/png': '.png',
  'image/jpeg': '.jpg',
  'image/gif': '.gif',
  'application/pdf': '.pdf',
  'text/plain': '.txt',
  'text/calendar': '.ics',
  'message/rfc822': '.eml',
};

const extensionFor = (contentType: string): string => EXT[contentType.toLowerCase()] ?? '';

/** A content type as stored: `type/subtype` in lower case, or application/octet-stream. */
export function normaliseContentType(v: string): string {
  const t = v.split(';')[0]!.trim().toLowerCase();
  return /^[a-z0-9][\w.+-]{0,63}\/[a-z0-9][\w.+-]{0,63}$/.test(t) ? t : 'application/octet-stream';
}
