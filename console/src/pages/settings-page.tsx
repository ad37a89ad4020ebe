import { useT } from '../i18n/use-t';
import { PageHeading } from './page-heading';

/** Placeholder: the admin pages replace this (issue 7). Routed for leads and admins only. */
export default function SettingsPage() {
  const t = useT();
  return <PageHeading>{t('settings.title')}</PageHeading>;
}
