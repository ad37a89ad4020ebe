import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecretBox } from '../lib/secret-box.js';
import { newId } from '../lib/ids.js';
import { ENGINES } from '../test/engines.js';
import { makeWorkspace, startHarness, type Harness, type TestWorkspace } from '../test/harness.js';
import {
  deleteChannelAccount,
  findChannelAccount,
  findChannelAccountByWebhook,
  insertChannelAccount,
  listChannelAccounts,
  updateChannelAccount,
  type ChannelAccountRow,
} from './accounts.repo.js';
import { newWebhookId, openSecrets, sealSecrets } from './channel-secrets.js';

/** Channel accounts are workspace rows; only the webhook id finds one without a workspace. */
describe.each(ENGINES)('channel accounts repo on $engine', (engine) => {
  let h: Harness;
  let A: TestWorkspace;
  let B: TestWorkspace;
  const box = SecretBox.random();
  const at = new Date('2026-03-02T09:00:00Z');

  beforeAll(async () => {
    if (!engine.available) return;
    h = await startHarness(engine);
    A = await makeWorkspace(h);
    B = await makeWorkspace(h);
  });
  afterAll(async () => h?.close());

  it.skipIf(!engine.available)('stores, finds by webhook id, updates and deletes within one workspace', async () => {
    const id = newId();
    const webhookId = newWebhookId();
    expect(webhookId).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const secrets = { botToken: '123456:ABC-DEF', secretToken: 'tg-secret-1' };
    const created = await insertChannelAccount(
      h.db,
      A.id,
      {
        id,
        kind: 'telegram',
        name: 'Support bot',
        settings: { botUsername: 'meridian_bot' },
        secretsSealed: sealSecrets(box, A.id, secrets),
        webhookId,
        enabled: true,
      },
      at,
    );
    expect(created).toMatchObject({ id, workspaceId: A.id, kind: 'telegram', settings: { botUsername: 'meridian_bot' }, enabled: true });
    expect(openSecrets(box, created)).toEqual(secrets);
    // Sealed for A: copied into B's row it does not open.
    expect(() => openSecrets(box, { ...created, workspaceId: B.id } as ChannelAccountRow)).toThrow(/cannot be opened/);

    expect((await findChannelAccountByWebhook(h.db, 'telegram', webhookId))?.id).toBe(id);
    expect(await findChannelAccountByWebhook(h.db, 'whatsapp', webhookId)).toBeUndefined();
    expect((await listChannelAccounts(h.db, A.id)).map((a) => a.id)).toEqual([id]);
    expect(await listChannelAccounts(h.db, B.id)).toEqual([]);
    expect(await findChannelAccount(h.db, B.id, id)).toBeUndefined();
    expect(await updateChannelAccount(h.db, B.id, id, { enabled: false }, at)).toBeUndefined();
    expect(await deleteChannelAccount(h.db, B.id, id)).toBe(false);

    const later = new Date('2026-03-02T10:00:00Z');
    const updated = await updateChannelAccount(h.db, A.id, id, { enabled: false, name: 'Bot' }, later);
    expect(updated).toMatchObject({ enabled: false, name: 'Bot', settings: { botUsername: 'meridian_bot' } });
    expect(updated!.updatedAt.toISOString()).toBe(later.toISOString());
    expect(await deleteChannelAccount(h.db, A.id, id)).toBe(true);
    expect(await findChannelAccountByWebhook(h.db, 'telegram', webhookId)).toBeUndefined();
  });

  it.skipIf(!engine.available)('refuses a second account with the same webhook id, in any workspace', async () => {
    const webhookId = newWebhookId();
    const row = (ws: string) => ({
      id: newId(),
      kind: 'sms' as const,
      name: 'SMS',
      settings: { accountSid: 'AC123', fromNumber: '+15005550006', messagingServiceSid: null },
      secretsSealed: sealSecrets(box, ws, { authToken: 'x' }),
      webhookId,
      enabled: true,
    });
    await insertChannelAccount(h.db, A.id, row(A.id), at);
    await expect(insertChannelAccount(h.db, B.id, row(B.id), at)).rejects.toThrow();
  });
});
