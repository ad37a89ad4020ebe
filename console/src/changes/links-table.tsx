import { useState } from 'react';
import { Link } from 'wouter';
import { useLanguageName } from '../conversation/format';
import { useT } from '../i18n/use-t';
import { changesApi, type ChangeLink } from './changes-api';

/** The change's linked conversations: customer, language, conversation, told or not; each can be unlinked. */
export function LinksTable(p: { changeId: string; links: ChangeLink[]; more: boolean; onChanged(): void }) {
  const { changeId, links, onChanged } = p;
  const t = useT();
  const languageName = useLanguageName();
  const [error, setError] = useState<string | null>(null);

  async function unlink(l: ChangeLink) {
    try {
      await changesApi.unlink(changeId, l.id);
      setError(null);
      onChanged();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  return (
    <section aria-labelledby="links-h" className="report">
      <h2 id="links-h">{t('changes.links')}</h2>
      {error && (
        <p role="alert" className="error">
          {t('error.generic', { message: error })}
        </p>
      )}
      {links.length === 0 ? (
        <p className="muted">{t('changes.noLinks')}</p>
      ) : (
        <table className="report-table">
          <caption className="visually-hidden">{t('changes.links')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('changes.customer')}</th>
              <th scope="col">{t('settings.field.language')}</th>
              <th scope="col">{t('changes.conversation')}</th>
              <th scope="col">{t('changes.toldColumn')}</th>
              <th scope="col">{t('settings.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {links.map((l) => {
              const name = l.customer.name ?? t('changes.unnamed');
              return (
                <tr key={l.id}>
                  <th scope="row">{name}</th>
                  <td>{l.language ? languageName(l.language) : '—'}</td>
                  <td>
                    <Link href={`/conversations/${l.conversationId}`}>{t('feedback.open')}</Link>
                  </td>
                  <td>
                    {l.announcedAt
                      ? t(l.note && l.note.conversationId !== l.conversationId ? 'changes.toldElsewhere' : 'changes.toldOn', {
                          when: new Date(l.announcedAt),
                        })
                      : t('changes.notTold')}
                    {l.note && l.note.conversationId === l.conversationId && ` (${languageName(l.note.language)})`}
                  </td>
                  <td>
                    <button type="button" className="danger" onClick={() => void unlink(l)}>
                      {t('changes.unlink', { name })}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {p.more && <p className="muted">{t('changes.moreLinks', { count: links.length })}</p>}
    </section>
  );
}
