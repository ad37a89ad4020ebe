import { useT } from '../i18n/use-t';
import { PageHeading } from './page-heading';

/** Placeholder: the reports pages replace this (issue 7). Routed for leads and admins only. */
export default function ReportsPage() {
  const t = useT();
  return <PageHeading>{t('reports.title')}</PageHeading>;
}
