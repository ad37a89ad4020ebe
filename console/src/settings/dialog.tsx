import { useEffect, useId, useRef, type ReactNode } from 'react';

/** A modal <dialog> (focus kept inside, Esc closes) titled by its heading. */
export function Dialog({ title, onClose, children }: { title: string; onClose(): void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog ref={ref} aria-labelledby={titleId} onClose={onClose} className="settings-dialog">
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  );
}
