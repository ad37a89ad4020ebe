import { useEffect, useRef } from 'react';

/** Keys → handler; a two-key sequence is written with a space ("g i"). */
export type ShortcutMap = Record<string, (e: KeyboardEvent) => void>;

/** How long the second key of a sequence may follow the first. */
const SEQUENCE_MS = 1200;

/** Typing into a field, or a key with a modifier, is never a shortcut. */
function ignored(e: KeyboardEvent): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || e.isComposing) return true;
  const t = e.target as HTMLElement | null;
  if (!t || typeof t.closest !== 'function') return false;
  // Enter on a link or button is that control's own: follow it, press it.
  if (e.key === 'Enter' && t.closest('a, button, summary')) return true;
  return t.isContentEditable || t.closest('input, textarea, select, [contenteditable="true"], dialog[open]') !== null;
}

/**
 * Single-key shortcuts on the document while mounted (Gmail style: j, k, x, "g i"). Keys typed into
 * fields, with Ctrl/Alt/Meta, or while a dialog is open are left alone. The latest map is used, so
 * handlers may close over state.
 */
export function useShortcuts(map: ShortcutMap): void {
  const latest = useRef(map);
  useEffect(() => {
    latest.current = map;
  });
  useEffect(() => {
    let prefix: { key: string; at: number } | null = null;
    const onKey = (e: KeyboardEvent) => {
      if (ignored(e)) return;
      const key = e.key;
      const keys = latest.current;
      if (prefix && e.timeStamp - prefix.at < SEQUENCE_MS && keys[`${prefix.key} ${key}`]) {
        e.preventDefault();
        keys[`${prefix.key} ${key}`]!(e);
        prefix = null;
        return;
      }
      prefix = Object.keys(keys).some((k) => k.startsWith(`${key} `)) ? { key, at: e.timeStamp } : null;
      const handler = keys[key];
      if (handler) {
        e.preventDefault();
        handler(e);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
