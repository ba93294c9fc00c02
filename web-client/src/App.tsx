import { Suspense, type ReactNode } from 'react';
import { Link, Route, Routes } from 'react-router-dom';
import { useAuth } from './auth/AuthContext';
import { hasAny, type Role } from './auth/roles';
import { useTranslation } from 'react-i18next';
import { usePreferredLanguage } from './i18n/usePreferredLanguage';
import { useOutbox } from './api/useOutbox';
import { Layout } from './layout/Layout';
import { Loading } from './layout/Status';
import { HomePage } from './features/home/HomePage';
import { routes } from './routes';

/** Pages need a session (and, where given, one of some roles); otherwise they offer sign-in. */
function Guard({ roles, children }: { roles?: Role[]; children: ReactNode }) {
  const { t } = useTranslation();
  const { session, ready, ended, signIn } = useAuth();
  if (!ready) return <Loading />;
  if (!session) {
    return (
      <section className="welcome">
        <h1>{t('app.welcome')}</h1>
        {/* A first visit has no session to end: say what signing in is for, not that something expired. */}
        <p>{ended ? t('errors.sessionExpired') : t('app.signInToSee')}</p>
        <button type="button" className="button" onClick={() => void signIn()}>{t('app.signIn')}</button>
      </section>
    );
  }
  if (roles && !hasAny(session.roles, roles)) return <p role="alert" className="error">{t('errors.forbidden')}</p>;
  return <>{children}</>;
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t('app.notFound')}</h1>
      <p><Link to="/">{t('app.backHome')}</Link></p>
    </section>
  );
}

export function App() {
  const { ready } = useAuth();
  usePreferredLanguage();
  useOutbox();
  return (
    <Layout>
      {!ready ? <Loading /> : (
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route path="/" element={<HomePage />} />
            {routes.map((route) => (
              <Route key={route.path} path={route.path} element={<Guard roles={route.roles}><route.page /></Guard>} />
            ))}
            <Route path="*" element={<NotFound />} />
          </Routes>
        </Suspense>
      )}
    </Layout>
  );
}

