import { Link } from 'wouter';
import { useT } from '../i18n/use-t';
import type { MessageId } from '../i18n/messages';
import { PageHeading } from './page-heading';

/** A page that only says something (not found, no access) and leads back to the inbox. */
export function MessagePage({ title }: { title: MessageId }) {
  const t = useT();
  return (
    <>
      <PageHeading>{t(title)}</PageHeading>
      <p>
        <Link href="/inbox">{t('notFound.back')}</Link>
      </p>
    </>
  );
}
