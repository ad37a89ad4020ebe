/** Ordered rows in the settings editors: React keys for new rows, and moving one up or down. */

let counter = 0;
export const newKey = (): string => `new-${++counter}`;

/** The item at `i` moved by `delta` (−1 up, +1 down); out of range leaves the list as it is. */
export function move<T>(list: readonly T[], i: number, delta: number): T[] {
  const j = i + delta;
  const out = [...list];
  if (i < 0 || i >= list.length || j < 0 || j >= list.length) return out;
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
}

export const replaceAt = <T>(list: readonly T[], i: number, item: T): T[] => list.map((x, k) => (k === i ? item : x));
export const removeAt = <T>(list: readonly T[], i: number): T[] => list.filter((_, k) => k !== i);
