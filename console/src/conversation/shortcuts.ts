import type { ShortcutHelp } from '../shortcuts/shortcuts-dialog';

/** The conversation page's keys, in the order the `?` help lists them. */
export const CONVERSATION_SHORTCUTS: ShortcutHelp[] = [
  { keys: ['r'], label: 'shortcuts.reply' },
  { keys: ['n'], label: 'shortcuts.note' },
  { keys: ['Ctrl', 'Enter'], label: 'shortcuts.send' },
  { keys: ['s'], label: 'shortcuts.solve' },
  { keys: ['a'], label: 'shortcuts.assignMe' },
  { keys: ['t'], label: 'shortcuts.toggleTranslation' },
  { keys: ['?'], label: 'shortcuts.help' },
];
