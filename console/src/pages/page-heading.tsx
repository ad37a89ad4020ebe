import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A page's h1. It takes focus when the page opens, so screen-reader and keyboard users land on the new
 * page after a client-side navigation instead of staying on the link they followed.
 */
export function PageHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}
