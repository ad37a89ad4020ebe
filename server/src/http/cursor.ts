import { AppError } from '../lib/errors.js';
import { isUuid } from '../lib/ids.js';

/** Keyset cursor: the sort value and id of the last row seen, opaque to clients. */
export interface Cursor {
  at: string;
  id: string;
}

const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export const encodeCursor = (at: Date, id: string): string => Buffer.from(JSON.stringify([at.toISOString(), id])).toString('base64url');

export function decodeCursor(raw: string | undefined): Cursor | undefined {
  if (raw === undefined) return undefined;
  try {
    const v: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string') {
      const [at, id] = v as [string, string];
      // Only the exact form encodeCursor writes (an invalid date throws, caught below): Date.parse
      // also takes "1" or year -271821, which PostgreSQL then refuses mid-query.
      if (ISO_MS.test(at) && new Date(at).toISOString() === at && isUuid(id)) return { at, id };
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError('invalid_cursor', 'cursor is not one this server issued', [{ path: 'querystring/cursor', message: 'invalid cursor' }]);
}

/** Given limit+1 rows, returns the page and the cursor for the next one. */
export function paginate<T extends { id: string }>(
  rows: T[],
  limit: number,
  key: (r: T) => Date,
): { data: T[]; nextCursor: string | null } {
  if (rows.length <= limit) return { data: rows, nextCursor: null };
  const data = rows.slice(0, limit);
  const last = data[data.length - 1]!;
  return { data, nextCursor: encodeCursor(key(last), last.id) };
}
