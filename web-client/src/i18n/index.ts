import i18n from 'i18next';
import resourcesToBackend from 'i18next-resources-to-backend';
import { initReactI18next } from 'react-i18next';
import type { Catalogue, Resources } from './locales/en';

/** The languages Chorus itself is written in; announcements may be translated into more (see `languages`). */
export const UI_LANGUAGES = ['en', 'fr', 'pl'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/**
 * Each language's strings are a chunk of their own, fetched when that language is first needed: a person
 * downloads only their own language (ADR 0320). Every catalogue has every string (locales.test.ts), so there is
 * no fallback language to fetch as well.
 */
export const catalogues: Record<UiLanguage, () => Promise<Catalogue>> = {
  en: () => import('./locales/en').then((m) => m.en),
  fr: () => import('./locales/fr').then((m) => m.fr),
  pl: () => import('./locales/pl').then((m) => m.pl),
};

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

/** Where the last signed-in person's UI language is kept, so the next visit starts in it (and fetches only it). */
const REMEMBERED = 'chorus.uiLanguage';

/** The language to start in: the one last chosen on this browser, else the browser's, else English. */
export function startingLanguage(): UiLanguage {
  let remembered: string | null = null;
  try { remembered = localStorage.getItem(REMEMBERED); } catch { /* storage blocked: use the browser's */ }
  return uiLanguageFor(remembered, ...(typeof navigator === 'undefined' ? [] : navigator.languages));
}

/** Switches the screens to the language, fetching its strings first if this is its first use. */
export async function switchUiLanguage(lng: UiLanguage): Promise<void> {
  try { localStorage.setItem(REMEMBERED, lng); } catch { /* not remembered: the preference still applies */ }
  if (lng !== i18n.language) await i18n.changeLanguage(lng);
}

/** Settles once the starting language's strings are loaded: render after it. */
export const i18nReady = i18n.use(resourcesToBackend((lng: string) => catalogues[lng as UiLanguage]()))
  .use(initReactI18next)
  .init({
    lng: startingLanguage(),
    fallbackLng: false,
    supportedLngs: [...UI_LANGUAGES],
    load: 'currentOnly',
    interpolation: { escapeValue: false },
  });
i18n.on('languageChanged', mirrorOnPage);
if (i18n.language) mirrorOnPage(i18n.language);

export { i18n };

/** Languages an announcement may be translated into and a person may prefer: the same list everywhere. */
export const ANNOUNCEMENT_LANGUAGES = ['en', 'cy', 'pl', 'ur', 'ro', 'pa', 'ar', 'so', 'bn', 'pt', 'es', 'fr', 'uk'];

/** British conventions for English (day first, 24-hour clock); UK time whatever the device says. */
function locale(): string {
  return i18n.language === 'en' ? 'en-GB' : i18n.language;
}

/**
 * Formatters are costly to make (a time zone's rules are loaded each time) and a feed or table formats dozens of
 * dates: one formatter per language and style, made on first use.
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function formatter<F extends Intl.DateTimeFormat | Intl.NumberFormat>(kind: string, make: (tag: string) => F): F {
  const tag = locale();
  const key = `${kind}|${tag}`;
  let found = formatters.get(key) as F | undefined;
  if (!found) { found = make(tag); formatters.set(key, found); }
  return found;
}

export function formatDateTime(iso: string | undefined | null): string {
  if (!iso) return '';
  return formatter('dateTime', (tag) => new Intl.DateTimeFormat(tag, {
    dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London',
  })).format(new Date(iso));
}

export function formatNumber(n: number): string {
  return formatter('number', (tag) => new Intl.NumberFormat(tag)).format(n);
}

/** A calendar date from the api (`2026-11-30`), as the UI language writes it. */
export function formatDate(isoDate: string | undefined | null): string {
  if (!isoDate) return '';
  return formatter('date', (tag) => new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC' }))
    .format(new Date(`${isoDate}T00:00:00Z`));
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
