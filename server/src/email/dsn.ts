/**
 * Delivery status notifications (RFC 3464): the per-recipient fields of a message/delivery-status
 * part. Only recipients whose Action is `failed` count; `delayed`, `delivered`, `relayed` and
 * `expanded` are reports, not failures. Pure.
 */
export interface DsnRecipient {
  address: string;
  action: string;
  status: string | null;
  diagnostic: string | null;
}

export function parseDsn(body: string): DsnRecipient[] {
  const blocks = body
    // No NUL or other controls into the failing-address table (PostgreSQL text refuses NUL).
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/\r\n/g, '\n')
    .replace(/\n[ \t]+/g, ' ')
    .split(/\n\s*\n/);
  const out: DsnRecipient[] = [];
  // The first block is per-message fields; per-recipient blocks follow.
  for (const block of blocks) {
    const fields = new Map<string, string>();
    for (const line of block.split('\n')) {
      const i = line.indexOf(':');
      if (i > 0) fields.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
    }
    const recipient = fields.get('final-recipient') ?? fields.get('original-recipient');
    const action = fields.get('action')?.toLowerCase();
    if (!recipient || !action) continue;
    const address = recipient
      .replace(/^[^;]*;/, '')
      .trim()
      .replace(/^<|>$/g, '')
      .toLowerCase();
    if (!/^[^\s@]+@[^\s@]+$/.test(address)) continue;
    out.push({
      address,
      action,
      status: fields.get('status')?.slice(0, 20) ?? null,
      diagnostic: fields.get('diagnostic-code')?.slice(0, 500) ?? null,
    });
    if (out.length >= 100) break;
  }
  return out;
}

export const failedRecipients = (r: readonly DsnRecipient[]): DsnRecipient[] => r.filter((x) => x.action === 'failed');
