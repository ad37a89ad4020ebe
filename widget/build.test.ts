import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildWidget } from '../server/src/widget/bundle.js';
import { TABLE } from './src/strings.js';

const BUDGET = 15 * 1024;

describe('widget bundle', () => {
  it(`builds to at most ${BUDGET} bytes gzipped, every language's strings included`, async () => {
    const js = await buildWidget();
    const gz = gzipSync(js, { level: 9 }).length;
    console.log(`widget.js: ${Buffer.byteLength(js)} bytes, ${gz} bytes gzipped (budget ${BUDGET})`);
    expect(gz).toBeLessThanOrEqual(BUDGET);
    // Strings stay UTF-8 (escapes would blow the budget) and every language made it into the bundle.
    for (const row of Object.values(TABLE)) expect(js).toContain(row.split('|')[0]);
    // One IIFE: nothing leaks into the host page's globals but MeridianWidget.
    expect(js).toMatch(/^("use strict";)?\(\(\)=>\{/);
  });
});
