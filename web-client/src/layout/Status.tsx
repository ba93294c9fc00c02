import { ApiError } from '../api/client';
import { useTranslation } from 'react-i18next';
import { i18n } from '../i18n';

export function Loading() {
  const { t } = useTranslation();
  return <p role="status" className="muted">{t('app.loading')}</p>;
}

/** Explains a failure in the reader's words, with the api's own detail when it gave one. */
export function ErrorMessage({ error }: { error: unknown }) {
  useTranslation();
  return <p role="alert" className="error">{describe(error)}</p>;
}

export function describe(error: unknown): string {
  const { t } = i18n;
  if (error instanceof ApiError) {
    if (error.status === 401) return t('errors.sessionExpired');
    // A refusal says why when the api gave a reason (e.g. which audiences this person may address).
    if (error.status === 403) return error.problem.detail ?? t('errors.forbidden');
    if (error.status === 404) return t('errors.notFound');
    return error.problem.detail ?? error.problem.title ?? t('errors.generic');
  }
  if (error instanceof TypeError) return t('errors.network');
  return t('errors.generic');
}

export function Notice({ children }: { children: string }) {
  return <p role="status" className="notice">{children}</p>;
}
