import { useLocation } from 'wouter';
import { useShortcuts } from './use-shortcuts';

/** Shortcuts that work on every page of the signed-in console: `g` then `i` opens the inbox. */
export function GlobalShortcuts() {
  const [, navigate] = useLocation();
  useShortcuts({ 'g i': () => navigate('/inbox') });
  return null;
}
