import { v7 } from 'uuid';

/**
 * UUIDv7: time-ordered and monotonic within a process, so rows created in the same
 * millisecond (a reply and a note, a burst of webhooks) still sort in creation order.
 */
export const newId = (): string => v7();

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string): boolean => UUID_RE.test(s);
