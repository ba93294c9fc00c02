import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en, type Resources } from './locales/en';
import { fr } from './locales/fr';
import { pl } from './locales/pl';

/** The languages Chorus itself is written in; announcements may be translated into more (see `languages`). */
export const UI_LANGUAGES = ['en', 'fr', 'pl'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export const resources = { en: { translation: en }, fr: { translation: fr }, pl: { translation: pl } };

declare module 'i18next' {
  interface CustomTypeOptions { defaultNS: 'translation'; resources: { translation: Resources } }
}

/** The first of the person's languages Chorus is written in (a preference like `pl` or `fr-BE`), else English. */
export function uiLanguageFor(...preferred: (string | null | undefined)[]): UiLanguage {
  for (const tag of preferred) {
    const base = tag?.toLowerCase().split('-')[0];
    const found = UI_LANGUAGES.find((l) => l === base);
    if (found) return found;
  }
  return 'en';
}

function mirrorOnPage(lng: string) {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = lng;
  document.documentElement.dir = i18n.dir(lng);
}

void i18n.use(initReactI18next).init({
  resources,
  lng: uiLanguageFor(...(typeof navigator === 'undefined' ? [] : navigator.languages)),
  fallbackLng: 'en',
  supportedLngs: [...UI_LANGUAGES],
  interpolation: { escapeValue: false },
  initAsync: false,
});
i18n.on('languageChanged', mirrorOnPage);
mirrorOnPage(i18n.language);

export { i18n };

/** Languages an announcement may be translated into and a person may prefer: the same list everywhere. */
export const ANNOUNCEMENT_LANGUAGES = Object.keys(en.languages);

/** British conventions for English (day first, 24-hour clock); UK time whatever the device says. */
function locale(): string {
  return i18n.language === 'en' ? 'en-GB' : i18n.language;
}

export function formatDateTime(iso: string | undefined | null): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(locale(), {
    dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London',
  }).format(new Date(iso));
}

export function formatNumber(n: number): string {
  return new Intl.NumberFormat(locale()).format(n);
}

/** A calendar date from the api (`2026-11-30`), as the UI language writes it. */
export function formatDate(isoDate: string | undefined | null): string {
  if (!isoDate) return '';
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}

/**
 * The label for a value from the api (a status, a role, a question type) in the UI language, or the value
 * itself: `label('roles', 'carer')`.
 */
export function label(group: keyof Resources, key: string | undefined | null): string {
  if (!key) return '';
  const path = `${group}.${key}`;
  return i18n.exists(path) ? String(i18n.t(path as never)) : key;
}

export type { Resources } from './locales/en';
