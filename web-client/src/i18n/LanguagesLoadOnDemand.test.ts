import { catalogues, i18n, startingLanguage, switchUiLanguage } from '.';

describe('a person downloads only the language they read Chorus in', () => {
  it('starts with English alone, and fetches Polish only when a carer who prefers it signs in', async () => {
    expect(i18n.hasResourceBundle('en', 'translation')).toBe(true);
    expect(i18n.hasResourceBundle('pl', 'translation')).toBe(false);
    expect(i18n.hasResourceBundle('fr', 'translation')).toBe(false);

    await switchUiLanguage('pl');

    expect(i18n.t('app.signOut')).toBe((await catalogues.pl()).app.signOut);
    expect(i18n.hasResourceBundle('fr', 'translation')).toBe(false);
  });

  it('starts the next visit in the language the person last read it in', async () => {
    vi.stubGlobal('navigator', { languages: ['fr-FR'] });
    expect(startingLanguage()).toBe('fr');
    await switchUiLanguage('pl');
    expect(startingLanguage()).toBe('pl');
  });
});
