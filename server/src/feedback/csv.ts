/**
 * CSV for spreadsheets: RFC 4180 (CRLF rows, quoted fields when they hold a comma, quote, CR or LF,
 * quotes doubled), UTF-8 with a byte-order mark so Excel reads it as UTF-8.
 *
 * Formula injection (OWASP "CSV Injection"): a text cell that a spreadsheet would run — one starting
 * with =, +, -, @, tab or carriage return, also after leading spaces (Excel and LibreOffice skip
 * them before a formula) — gets a single quote in front, which spreadsheets show as text. Numbers
 * are written as numbers and never prefixed: a score or a negative sentiment such as -0.42 is data
 * the sheet must be able to sum; only values typed as numbers are trusted, never text that looks
 * like one.
 */
export const BOM = '\uFEFF';

const DANGEROUS = /^[ ]*[=+\-@\t\r]/;

export type CsvValue = string | number | null | undefined;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = DANGEROUS.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvRow = (values: CsvValue[]): string => `${values.map(csvCell).join(',')}\r\n`;
