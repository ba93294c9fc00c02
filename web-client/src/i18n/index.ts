import { en } from './en';

/** The active strings. One language for now; a second would be chosen here from the browser or profile. */
export const t = en;
export type { Strings } from './en';

export function formatDateTime(iso: string | undefined | null): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat('en-GB', {
    dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London',
  }).format(new Date(iso));
}

/** The label for a value from the api (a status, a role, a question type), or the value itself. */
export function label(group: object, key: string | undefined | null): string {
  if (!key) return '';
  const value = (group as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : key;
}
