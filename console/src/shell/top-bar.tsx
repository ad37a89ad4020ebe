import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { LanguageSelect } from '../i18n/language-select';
import { useT } from '../i18n/use-t';
import { useMe, useSession } from '../session/session';
import { useStreamStatus } from '../stream/stream-provider';
import { useAgentLocale } from './agent-locale';
import { MentionsMenu } from './mentions-menu';
import { navFor } from './nav';

export function TopBar() {
  const t = useT();
  const me = useMe();
  const { signOut } = useSession();
  const [location] = useLocation();
  const stream = useStreamStatus();
  const [busy, setBusy] = useState(false);
  const chooseLocale = useAgentLocale();

  return (
    <header className="top-bar">
      <span className="brand">
        {t('app.name')} <span className="workspace">{me.workspace.name}</span>
      </span>
      <nav aria-label={t('shell.navLabel')}>
        <ul>
          {navFor(me.role).map((item) => {
            const current = location === item.path || location.startsWith(`${item.path}/`);
            return (
              <li key={item.path}>
                <Link href={item.path} aria-current={current ? 'page' : undefined}>
                  {t(item.label)}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <div className="top-bar-end">
        <span className={`stream stream-${stream}`} role="status">
          {t('shell.stream', { status: stream })}
        </span>
        <MentionsMenu />
        <span className="agent" data-testid="agent-name">
          {t('shell.signedInAs', { name: me.agent?.name ?? me.workspace.name, role: t(`role.${me.role}`) })}
        </span>
        <LanguageSelect onChoose={chooseLocale} />
        <button
          type="button"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            signOut().finally(() => setBusy(false));
          }}
        >
          {t('shell.signOut')}
        </button>
      </div>
    </header>
  );
}
