import { useEffect, useRef, useState, type ReactNode } from 'react';
import { NavLink, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/AuthContext';
import { navigationFor } from './navigation';

/** Skip link, banner with role-adaptive navigation, one main landmark that takes focus on navigation. */
export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { session, signIn, signOut } = useAuth();
  const [menuOpen, setMenuOpen] = useState(false);
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);

  useEffect(() => {
    setMenuOpen(false);
    if (first.current) { first.current = false; return; }
    main.current?.focus();
  }, [location.pathname]);

  const items = session ? navigationFor(session.roles) : [];
  return (
    <>
      <a className="skip-link" href="#main">{t('app.skipToContent')}</a>
      <header className="banner">
        <div className="banner-inner">
          <NavLink to="/" className="brand">{t('app.name')}</NavLink>
          {session && (
            <button type="button" className="menu-toggle" aria-expanded={menuOpen} aria-controls="primary-nav"
              onClick={() => setMenuOpen((open) => !open)}>
              {t('app.menu')}
            </button>
          )}
          {session && (
            <nav id="primary-nav" aria-label={t('app.primaryNav')} className={menuOpen ? 'nav open' : 'nav'}>
              <ul>
                {items.map((item) => (
                  <li key={item.to}><NavLink to={item.to} end>{item.label}</NavLink></li>
                ))}
              </ul>
            </nav>
          )}
          <div className="account">
            {session ? (
              <>
                <span className="who">{t('app.signedInAs', { name: session.displayName })}</span>
                <button type="button" className="button secondary" onClick={() => void signOut()}>{t('app.signOut')}</button>
              </>
            ) : (
              <button type="button" className="button" onClick={() => void signIn()}>{t('app.signIn')}</button>
            )}
          </div>
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1}>{children}</main>
      <footer className="footer"><p>{t('app.tagline')}</p></footer>
    </>
  );
}
