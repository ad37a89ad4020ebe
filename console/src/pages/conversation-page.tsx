import { ConversationView } from '../conversation/conversation-view';
import { useConversation } from '../conversation/use-conversation';
import { isApiError } from '../api/client';
import { useT } from '../i18n/use-t';
import { PageHeading } from './page-heading';

/** /conversations/:id — the conversation view (console/src/conversation/). */
export default function ConversationPage({ id }: { id: string }) {
  const t = useT();
  const { state, reload } = useConversation(id);
  // Until the next conversation has loaded, show nothing of the previous one.
  if (state.status === 'loading' || (state.status === 'ready' && state.data.conversation.id !== id))
    return <p className="loading">{t('app.loading')}</p>;
  if (state.status === 'error') {
    return (
      <>
        <PageHeading>{isApiError(state.error, 'not_found') ? t('conv.notFound') : t('conversation.title')}</PageHeading>
        <p role="alert">{t('error.generic', { message: state.error instanceof Error ? state.error.message : String(state.error) })}</p>
        <button type="button" onClick={reload}>
          {t('error.retry')}
        </button>
      </>
    );
  }
  return <ConversationView key={id} data={state.data} reload={reload} />;
}
