import { useEffect, useRef } from 'react';
import type { MessageId } from '../i18n/messages';
import { useT } from '../i18n/use-t';

export interface ShortcutHelp {
  /** As pressed, e.g. ['j'] or ['g', 'i'] for a sequence. */
  keys: string[];
  label: MessageId;
}

/**
 * The `?` help: a modal listing a page's shortcuts. A native <dialog> (focus is trapped and Escape
 * closes it), so any page can pass its own list.
 */
export function ShortcutsDialog({ open, onClose, shortcuts }: { open: boolean; onClose(): void; shortcuts: ShortcutHelp[] }) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} className="shortcuts-dialog" aria-labelledby="shortcuts-title" onClose={onClose}>
      <h2 id="shortcuts-title">{t('shortcuts.title')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('shortcuts.key')}</th>
            <th scope="col">{t('shortcuts.action')}</th>
          </tr>
        </thead>
        <tbody>
          {shortcuts.map((s) => (
            <tr key={s.keys.join(' ')}>
              <td>
                {s.keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 ? ' ' : ''}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </td>
              <td>{t(s.label)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="dialog">
        <button type="submit">{t('shortcuts.dismiss')}</button>
      </form>
    </dialog>
  );
}
