import { describe, expect, it } from 'vitest';
import { errorsByField, splitList, type FieldDef } from './forms';

const fields: FieldDef[] = [
  { name: 'name', label: 'settings.field.name', kind: 'text' },
  { name: 'timeZone', label: 'settings.field.timeZone', kind: 'text', paths: ['definition/timeZone'] },
  { name: 'weekly', label: 'settings.field.weekly', kind: 'lines', paths: ['definition/weekly'] },
];

describe('settings forms', () => {
  it("puts the server's validation errors next to the field whose path they name", () => {
    expect(
      errorsByField(fields, [
        { path: 'body/name', message: 'must NOT have fewer than 1 characters' },
        { path: 'body/definition/timeZone', message: 'unknown time zone' },
        { path: 'body/definition/weekly/0/start', message: 'must match pattern' },
        { path: 'body/definition/holidays', message: 'unknown field' },
        { path: 'body/nameX', message: 'unknown field' },
      ]),
    ).toEqual({
      name: ['must NOT have fewer than 1 characters'],
      timeZone: ['unknown time zone'],
      weekly: ['definition/weekly/0/start: must match pattern'],
      '': ['unknown field', 'unknown field'],
    });
  });

  it('reads comma lists', () => {
    expect(splitList(' de, pt-BR ,,fr ')).toEqual(['de', 'pt-BR', 'fr']);
  });
});
