import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Layout } from './Layout';
import { navigationFor } from './navigation';
import { renderPage } from '../test/render';
import { rolesFromToken } from '../auth/roles';

describe('Layout', () => {
  it('offers a skip link to the main landmark before anything else', () => {
    renderPage(<Layout><h1>Page</h1></Layout>);
    const links = screen.getAllByRole('link');
    expect(links[0]).toHaveTextContent('Skip to main content');
    expect(links[0]).toHaveAttribute('href', '#main');
    expect(screen.getByRole('main')).toHaveAttribute('id', 'main');
  });

  it('shows a carer their feed and settings but no authoring tools', () => {
    renderPage(<Layout><p /></Layout>, { roles: ['carer'] });
    const nav = within(screen.getByRole('navigation', { name: 'Main' }));
    expect(nav.getByRole('link', { name: 'My feed' })).toBeInTheDocument();
    expect(nav.getByRole('link', { name: 'Settings' })).toBeInTheDocument();
    expect(nav.queryByRole('link', { name: 'New announcement' })).not.toBeInTheDocument();
    expect(nav.queryByRole('link', { name: 'Approvals' })).not.toBeInTheDocument();
  });

  it('gives a school leader approvals and their own feed but not the trust dashboard', () => {
    const labels = navigationFor(['school-leader', 'staff']).map((item) => item.label);
    expect(labels).toEqual(expect.arrayContaining(['New announcement', 'Approvals', 'Surveys', 'My feed']));
    expect(labels).not.toContain('Trust dashboard');
  });

  it('gives carers and staff the asks calendar, and pupils none', () => {
    expect(navigationFor(['carer']).map((item) => item.label)).toContain('Asks calendar');
    expect(navigationFor(['staff']).map((item) => item.label)).toContain('Asks calendar');
    expect(navigationFor(['pupil']).map((item) => item.label)).not.toContain('Asks calendar');
  });

  it('gives staff a feed of what is addressed to them', () => {
    expect(navigationFor(['staff']).map((item) => item.label)).toContain('My feed');
  });

  it('gives a trust leader the trust dashboard', () => {
    expect(navigationFor(['trust-leader', 'staff']).map((item) => item.label)).toContain('Trust dashboard');
  });

  it('signs out from the banner', async () => {
    const { auth } = renderPage(<Layout><p /></Layout>, { roles: ['staff'] });
    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(auth.signOut).toHaveBeenCalled();
  });

  it('collapses navigation behind a menu button that reports its state', async () => {
    renderPage(<Layout><p /></Layout>, { roles: ['carer'] });
    const toggle = screen.getByRole('button', { name: 'Menu' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
  });

  it('offers sign-in when signed out', () => {
    renderPage(<Layout><p /></Layout>, { roles: null });
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeInTheDocument();
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
  });
});

describe('rolesFromToken', () => {
  it('reads the roles claim of a Keycloak access token', () => {
    const payload = btoa(JSON.stringify({ roles: ['carer', 'default-roles-chorus'] })).replace(/=+$/, '');
    expect(rolesFromToken(`h.${payload}.s`)).toEqual(['carer', 'default-roles-chorus']);
    expect(rolesFromToken('garbage')).toEqual([]);
  });
});
