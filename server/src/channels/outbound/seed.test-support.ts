import { newId } from '../../lib/ids.js';
import { SecretBox } from '../../lib/secret-box.js';
import { call, type Harness, type TestWorkspace } from '../../test/harness.js';
import { insertChannelAccount } from '../accounts.repo.js';
import { newWebhookId, sealSecrets } from '../channel-secrets.js';
import { queueChannelMessage } from './queue-channel-message.js';

/**
 * A WhatsApp account, a conversation the customer opened through it, and an agent's reply queued
 * in channel_outbox as the outbox handler would (for the route tables). Returns the outbox row id.
 */
export async function seedQueuedChannelMessage(h: Harness, ws: TestWorkspace, label: string): Promise<string> {
  const accountId = newId();
  await insertChannelAccount(
    h.db,
    ws.id,
    {
      id: accountId,
      kind: 'whatsapp',
      name: `${label} outbound WhatsApp`,
      settings: { phoneNumberId: '106540352242922', businessAccountId: null, displayPhoneNumber: null, graphApiVersion: 'v21.0' },
      secretsSealed: sealSecrets(SecretBox.random(), ws.id, { appSecret: 'a', accessToken: 'b', verifyToken: 'c' }),
      webhookId: newWebhookId(),
      enabled: true,
    },
    h.clock(),
  );
  const opened = await call(h, ws.token, 'POST', '/api/v1/conversations', {
    customer: { email: `${label}-whatsapp@example.com` },
    channel: 'whatsapp',
    message: { text: `${label} on WhatsApp`, channelMeta: { accountId, from: '+358401110000' } },
  });
  if (opened.statusCode !== 201) throw new Error(`seed WhatsApp conversation: ${opened.body}`);
  const reply = await call(h, ws.token, 'POST', `/api/v1/conversations/${opened.json().id}/messages`, {
    direction: 'outbound',
    text: `${label} reply`,
  });
  if (reply.statusCode !== 201) throw new Error(`seed WhatsApp reply: ${reply.body}`);
  const queued = await h.db.transaction((tx) => queueChannelMessage(tx, ws.id, reply.json().id, h.clock()));
  if (queued.kind !== 'queued') throw new Error(`seed channel outbox: ${queued.kind}`);
  return queued.row.id;
}
