import { lazy, Suspense, type ReactNode } from 'react';
import { Redirect, Route, Switch } from 'wouter';
import { hasRole, type Role } from '../api/auth';
import { useT } from '../i18n/use-t';
import { useMe } from '../session/session';
import { GlobalShortcuts } from '../shortcuts/global-shortcuts';
import { StreamProvider } from '../stream/stream-provider';
import { TopBar } from './top-bar';

// One chunk per page: the first download holds the shell and sign-in only.
const InboxPage = lazy(() => import('../pages/inbox-page'));
const ConversationPage = lazy(() => import('../pages/conversation-page'));
const SettingsPage = lazy(() => import('../pages/settings-page'));
const ReportsPage = lazy(() => import('../pages/reports-page'));
const FeedbackPage = lazy(() => import('../pages/feedback-page'));
const ChangesPage = lazy(() => import('../pages/changes-page'));
const NotFoundPage = lazy(() => import('../pages/not-found-page'));
const ForbiddenPage = lazy(() => import('../pages/forbidden-page'));

/** Pages a role below `min` must not open (the API refuses them too; this keeps the UI honest). */
function Gate({ min, children }: { min: Role; children: ReactNode }) {
  return hasRole(useMe().role, min) ? children : <ForbiddenPage />;
}

/** The signed-in console: top bar with navigation, then the page of the current route. */
export function Shell() {
  const t = useT();
  return (
    <StreamProvider>
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <TopBar />
      <GlobalShortcuts />
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p className="loading">{t('app.loading')}</p>}>
          <Switch>
            <Route path="/">
              <Redirect to="/inbox" replace />
            </Route>
            <Route path="/inbox" component={InboxPage} />
            <Route path="/conversations/:id">{(params) => <ConversationPage id={params.id} />}</Route>
            <Route path="/settings/*?">
              <Gate min="lead">
                <SettingsPage />
              </Gate>
            </Route>
            <Route path="/reports">
              <Gate min="lead">
                <ReportsPage />
              </Gate>
            </Route>
            <Route path="/feedback">
              <Gate min="lead">
                <FeedbackPage />
              </Gate>
            </Route>
            <Route path="/changes/*?">
              <Gate min="lead">
                <ChangesPage />
              </Gate>
            </Route>
            <Route component={NotFoundPage} />
          </Switch>
        </Suspense>
      </main>
    </StreamProvider>
  );
}
