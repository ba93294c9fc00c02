import { en } from './locales/en';
import { fr } from './locales/fr';
import { pl } from './locales/pl';
import { ANNOUNCEMENT_LANGUAGES, UI_LANGUAGES, i18n } from '.';

const resources = { en: { translation: en }, fr: { translation: fr }, pl: { translation: pl } };

const PLURAL = /_(zero|one|two|few|many|other)$/;

function keysOf(catalogue: Record<string, Record<string, string>>): Map<string, string> {
  const keys = new Map<string, string>();
  for (const [section, strings] of Object.entries(catalogue)) {
    for (const [key, text] of Object.entries(strings)) keys.set(`${section}.${key}`, text);
  }
  return keys;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();
const base = (key: string) => key.replace(PLURAL, '');

describe('a translator finds every string of the screens, in each language Chorus is written in', () => {
  const english = keysOf(en);
  const englishBases = new Set([...english.keys()].map(base));
  const pluralBases = new Set([...english.keys()].filter((k) => PLURAL.test(k)).map(base));

  it.each(UI_LANGUAGES.filter((l) => l !== 'en'))('%s has every string, with the same placeholders', (lng) => {
    const translated = keysOf(resources[lng].translation);
    for (const key of englishBases) {
      if (pluralBases.has(key)) continue;
      expect(translated.get(key), `${lng}: ${key}`).toBeDefined();
      expect(placeholders(translated.get(key)!), `${lng}: ${key}`).toEqual(placeholders(english.get(key)!));
    }
    for (const key of translated.keys()) expect(englishBases.has(base(key)), `${lng} has unknown ${key}`).toBe(true);
  });

  it.each(UI_LANGUAGES)('%s has every plural form its grammar needs', (lng) => {
    const translated = keysOf(resources[lng].translation);
    const categories = new Intl.PluralRules(lng).resolvedOptions().pluralCategories;
    for (const key of pluralBases) {
      for (const category of categories) expect(translated.get(`${key}_${category}`), `${lng}: ${key}_${category}`).toBeDefined();
    }
  });

  it('offers every language the English catalogue names for announcements', () => {
    expect(ANNOUNCEMENT_LANGUAGES).toEqual(Object.keys(en.languages));
  });

  it('counts people the way each language does', async () => {
    await i18n.loadLanguages(['fr', 'pl']);
    expect(i18n.t('audience.reach', { count: 1, lng: 'en' })).toBe('Reaches 1 person');
    expect(i18n.t('audience.reach', { count: 8217, lng: 'en' })).toBe('Reaches 8,217 people');
    expect(i18n.t('results.responses', { count: 1, lng: 'pl' })).toBe('1 odpowiedź');
    expect(i18n.t('moderation.reports', { count: 3, lng: 'pl' })).toBe('3 zgłoszenia');
    expect(i18n.t('moderation.reports', { count: 5, lng: 'pl' })).toBe('5 zgłoszeń');
    expect(i18n.t('moderation.reports', { count: 22, lng: 'pl' })).toBe('22 zgłoszenia');
    expect(i18n.t('results.responses', { count: 0, lng: 'fr' })).toBe('0 réponse');
    expect(i18n.t('results.responses', { count: 2, lng: 'fr' })).toBe('2 réponses');
  });
});
