import EmailReplyParser from 'email-reply-parser';

/**
 * The new text of a reply, apart from the quoted history ("On … wrote:" in the languages
 * email-reply-parser knows, `>` lines) and the signature, which are kept beside it so nothing is lost.
 * Pure. When the split would leave nothing (a message that is all quote), the whole text stays.
 */
export function splitReply(text: string): { text: string; quoted: string | null; signature: string | null } {
  if (text.trim() === '') return { text, quoted: null, signature: null };
  const email = new EmailReplyParser().read(text);
  const visible: string[] = [];
  const quoted: string[] = [];
  const signature: string[] = [];
  for (const f of email.getFragments()) {
    const c = f.getContent();
    if (c.trim() === '') continue;
    if (f.isQuoted()) quoted.push(c);
    else if (f.isSignature()) signature.push(c);
    else if (f.isHidden()) quoted.push(c);
    else visible.push(c);
  }
  const fresh = visible.join('\n\n').trim();
  if (!fresh) return { text: text.trim(), quoted: null, signature: null };
  return {
    text: fresh,
    quoted: quoted.length ? quoted.join('\n\n').trim() : null,
    signature: signature.length ? signature.join('\n').trim() : null,
  };
}
