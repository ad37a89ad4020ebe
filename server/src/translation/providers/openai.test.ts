import { afterEach, describe, expect, it } from 'vitest';
import { OpenAIChatProvider, systemPrompt } from './openai.js';
import { replayServer } from './replay.test-support.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

interface ChatBody {
  model: string;
  messages: { role: string; content: string }[];
}

describe('OpenAI-compatible provider against a replay of POST /v1/chat/completions', () => {
  it('sends a Bearer key, the model, a system prompt and the text; reads choices[0].message.content', async () => {
    const srv = await replayServer(() => ({
      body: {
        id: 'chatcmpl-1',
        object: 'chat.completion',
        choices: [{ index: 0, message: { role: 'assistant', content: '\nBonjour XMRD0X, <b>merci</b>.\n' }, finish_reason: 'stop' }],
      },
    }));
    close = srv.close;
    const p = new OpenAIChatProvider({ apiKey: 'test-key-not-real', model: 'gpt-4o-mini', baseUrl: srv.url });
    const out = await p.translate({
      text: 'Hello XMRD0X, <b>thanks</b>.',
      source: 'en',
      target: 'fr',
      format: 'text',
      formality: 'formal',
    });
    expect(out).toEqual({ text: 'Bonjour XMRD0X, <b>merci</b>.', detectedSource: 'en' });
    const [r] = srv.received;
    expect(r!.method).toBe('POST');
    expect(r!.path).toBe('/v1/chat/completions');
    expect(r!.headers.authorization).toBe('Bearer test-key-not-real');
    const body = r!.json as ChatBody;
    expect(body.model).toBe('gpt-4o-mini');
    expect(body.messages).toHaveLength(2);
    expect(body.messages[0]!.role).toBe('system');
    expect(body.messages[0]!.content).toMatch(/from English \(en\) to French \(fr\)/);
    expect(body.messages[0]!.content).toMatch(/XMRD<n>X/);
    expect(body.messages[0]!.content).toMatch(/HTML tags unchanged/);
    expect(body.messages[0]!.content).toMatch(/Output only the translation/);
    expect(body.messages[0]!.content).toMatch(/formal register/);
    expect(body.messages[1]).toEqual({ role: 'user', content: 'Hello XMRD0X, <b>thanks</b>.' });
  });

  it('sends no Authorization header without a key, and says so for auto source', async () => {
    const srv = await replayServer(() => ({ body: { choices: [{ message: { role: 'assistant', content: 'Hi' } }] } }));
    close = srv.close;
    const out = await new OpenAIChatProvider({ model: 'llama3', baseUrl: srv.url, name: 'ollama' }).translate({
      text: 'Hola',
      source: 'auto',
      target: 'en',
      format: 'text',
    });
    expect(out).toEqual({ text: 'Hi', detectedSource: null });
    expect(srv.received[0]!.headers.authorization).toBeUndefined();
    expect(systemPrompt({ source: 'auto', target: 'en', format: 'html' })).toMatch(/the language it is written in.*HTML/);
  });

  it('treats a missing content as bad_response', async () => {
    const srv = await replayServer(() => ({ body: { choices: [] } }));
    close = srv.close;
    await expect(
      new OpenAIChatProvider({ model: 'm', baseUrl: srv.url }).translate({ text: 'x', source: 'en', target: 'de', format: 'text' }),
    ).rejects.toMatchObject({ kind: 'bad_response' });
  });
});
