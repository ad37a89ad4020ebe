import { useT } from '../i18n/use-t';
import { PageHeading } from './page-heading';

/** Placeholder: the conversation view replaces this (issue 7). */
export default function ConversationPage({ id }: { id: string }) {
  const t = useT();
  return (
    <>
      <PageHeading>{t('conversation.title')}</PageHeading>
      <p className="muted">{t('conversation.id', { id })}</p>
    </>
  );
}
