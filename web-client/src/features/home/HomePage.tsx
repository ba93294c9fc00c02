import { Link } from 'react-router-dom';
import { useAuth } from '../../auth/AuthContext';
import { SIGN_IN_UNREACHABLE } from '../../auth/AuthProvider';
import { useTranslation } from 'react-i18next';
import { navigationFor } from '../../layout/navigation';
import { usePageTitle } from '../../layout/usePageTitle';

export function HomePage() {
  const { t } = useTranslation();
  const { session, signIn, error } = useAuth();
  usePageTitle(session ? t('home.title') : t('app.welcome'));
  if (!session) {
    return (
      <section aria-labelledby="welcome-title" className="welcome">
        <h1 id="welcome-title">{t('app.welcome')}</h1>
        <p>{t('app.welcomeBody')}</p>
        {error && <p role="alert" className="error">
          {error === SIGN_IN_UNREACHABLE ? t('app.signInUnreachable') : t('app.authFailed', { detail: error })}
        </p>}
        <button type="button" className="button large" onClick={() => void signIn('/')}>{t('app.signIn')}</button>
      </section>
    );
  }
  const actions = navigationFor(session.roles).filter((item) => item.to !== '/');
  return (
    <section aria-labelledby="home-title">
      <h1 id="home-title">{t('home.title')}</h1>
      <p>{t('home.intro', { name: session.displayName })}</p>
      <ul className="cards">
        {actions.map((item) => <li key={item.to}><Link className="card-link" to={item.to}>{item.label}</Link></li>)}
      </ul>
    </section>
  );
}
