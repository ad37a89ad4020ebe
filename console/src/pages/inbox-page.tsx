import { useState } from 'react';
import { useT } from '../i18n/use-t';
import { useStreamEvents } from '../stream/stream-provider';
import { PageHeading } from './page-heading';

/** Placeholder: the inbox list replaces this (issue 7). Counts live events to show the stream works. */
export default function InboxPage() {
  const t = useT();
  const [since] = useState(() => new Date());
  const [count, setCount] = useState(0);
  useStreamEvents((frame) => {
    if (frame.type !== 'hello') setCount((n) => n + 1);
  });
  return (
    <section aria-labelledby="inbox-title">
      <PageHeading>
        <span id="inbox-title">{t('inbox.title')}</span>
      </PageHeading>
      <p>{t('inbox.placeholder')}</p>
      <p className="muted" data-testid="live-events">
        {t('inbox.liveEvents', { count, since })}
      </p>
    </section>
  );
}
