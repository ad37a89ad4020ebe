import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../test/engines.js';
import { call, startHarness, type Harness } from '../test/harness.js';

// The document does not depend on the engine; PGlite is enough.
describe('OpenAPI document', () => {
  let h: Harness;
  let doc: any;

  beforeAll(async () => {
    h = await startHarness(ENGINES[0]!);
    const res = await call(h, null, 'GET', '/api/openapi.json');
    expect(res.statusCode).toBe(200);
    doc = res.json();
  });
  afterAll(async () => h?.close());

  it('validates as OpenAPI 3.1', async () => {
    expect(doc.openapi).toMatch(/^3\.1\./);
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('covers every route the app serves', () => {
    const visible = h.app.routeTable.filter((r) => !r.hidden);
    expect(visible.length).toBeGreaterThanOrEqual(17);
    const missing = visible.filter((r) => {
      const path = r.url.replace(/:(\w+)/g, '{$1}');
      return !doc.paths?.[path]?.[r.method.toLowerCase()];
    });
    expect(missing).toEqual([]);
  });

  it('describes request bodies with the schemas that validate them', () => {
    const create = doc.paths['/api/v1/conversations'].post;
    const schema = create.requestBody.content['application/json'].schema;
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(expect.arrayContaining(['customer', 'channel', 'message']));
    expect(create.responses['201']).toBeDefined();
    expect(create.responses['400']).toBeDefined();
  });
});
