import { I18nProvider } from './i18n/i18n-provider';
import { useT } from './i18n/use-t';
import SignInPage from './pages/sign-in-page';
import { SessionProvider, useSession } from './session/session';
import { Shell } from './shell/shell';

function Gatekeeper() {
  const t = useT();
  const { state, reload } = useSession();
  switch (state.status) {
    case 'loading':
      return (
        <main id="main">
          <p className="loading">{t('app.loading')}</p>
        </main>
      );
    case 'error':
      return (
        <main id="main">
          <p role="alert">{t('error.generic', { message: state.message })}</p>
          <button type="button" onClick={reload}>
            {t('error.retry')}
          </button>
        </main>
      );
    case 'signed-out':
      // Any URL: sign in, then the shell renders the page that was asked for.
      return <SignInPage />;
    case 'signed-in':
      return <Shell />;
  }
}

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <Gatekeeper />
      </SessionProvider>
    </I18nProvider>
  );
}
