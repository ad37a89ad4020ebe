import { Link, useRoute } from 'wouter';
import { hasRole } from '../api/auth';
import { useT } from '../i18n/use-t';
import { useLookups } from '../settings/lookups';
import { useMe } from '../session/session';
import { isSection, Section, SECTION_LABEL, sectionsFor } from '../settings/sections';
import '../settings/settings.css';
import { PageHeading } from './page-heading';
import NotFoundPage from './not-found-page';

/** Settings for leads and admins: one sub-route per area, /settings/<section> (/settings opens the first); admin-only areas for admins. */
export default function SettingsPage() {
  const t = useT();
  const [, params] = useRoute<{ section: string }>('/settings/:section');
  const lookups = useLookups();
  const role = useMe().role;
  const sections = sectionsFor(role);
  const id = params?.section ?? sections[0];
  if (!isSection(id) || !sections.includes(id)) return <NotFoundPage />;
  return (
    <div className="settings">
      <PageHeading>{t('settings.title')}</PageHeading>
      <nav aria-label={t('settings.sectionsLabel')} className="settings-nav">
        <ul>
          {sections.map((s) => (
            <li key={s}>
              <Link href={`/settings/${s}`} aria-current={s === id ? 'page' : undefined}>
                {t(SECTION_LABEL[s])}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="settings-body">
        <Section key={id} id={id} lookups={lookups} admin={hasRole(role, 'admin')} />
      </div>
    </div>
  );
}
