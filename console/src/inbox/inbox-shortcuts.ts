import type { ShortcutHelp } from '../shortcuts/shortcuts-dialog';

/** The inbox's keys, for the handlers and the `?` help alike. */
export const INBOX_SHORTCUTS: ShortcutHelp[] = [
  { keys: ['j'], label: 'shortcuts.next' },
  { keys: ['k'], label: 'shortcuts.previous' },
  { keys: ['Enter'], label: 'shortcuts.open' },
  { keys: ['o'], label: 'shortcuts.open' },
  { keys: ['x'], label: 'shortcuts.select' },
  { keys: ['a'], label: 'shortcuts.assignToMe' },
  { keys: ['e'], label: 'shortcuts.closeConversation' },
  { keys: ['/'], label: 'shortcuts.search' },
  { keys: ['g', 'i'], label: 'shortcuts.goInbox' },
  { keys: ['?'], label: 'shortcuts.help' },
];
