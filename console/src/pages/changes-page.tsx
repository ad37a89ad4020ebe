import { useRoute } from 'wouter';
import { ChangeDetail } from '../changes/change-detail';
import { ChangesList } from '../changes/changes-list';
import '../changes/changes.css';
import { useT } from '../i18n/use-t';
import '../reports/reports.css';
import '../settings/settings.css';
import { PageHeading } from './page-heading';

/**
 * Close the loop (leads): changes made because of feedback, each with the feedback linked to it, and
 * announcing it to those customers. /changes lists them; /changes/:id is one change.
 */
export default function ChangesPage() {
  const t = useT();
  const [isDetail, params] = useRoute<{ id: string }>('/changes/:id');
  if (isDetail) return <ChangeDetail key={params.id} id={params.id} />;
  return (
    <div className="reports">
      <PageHeading>{t('changes.title')}</PageHeading>
      <ChangesList />
    </div>
  );
}
