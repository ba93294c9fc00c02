import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/ApiContext';
import { ok } from '../../api/client';
import { useAuth } from '../../auth/AuthContext';
import { useTranslation } from 'react-i18next';
import { label } from '../../i18n';
import { ErrorMessage, Loading } from '../../layout/Status';
import { usePageTitle } from '../../layout/usePageTitle';

interface Me { username?: string; personId?: string; roles?: string[] }

export function MePage() {
  const { t } = useTranslation();
  usePageTitle(t('me.title'));
  const { api } = useApi();
  const { session } = useAuth();
  const me = useQuery({ queryKey: ['me'], queryFn: () => ok(api.GET('/api/v1/me')) as Promise<Me> });
  const minutes = session?.expiresAt ? Math.max(0, Math.round((session.expiresAt * 1000 - Date.now()) / 60000)) : undefined;
  return (
    <section aria-labelledby="me-title">
      <h1 id="me-title">{t('me.title')}</h1>
      {me.isPending && <Loading />}
      {me.error && <ErrorMessage error={me.error} />}
      {me.data && (
        <dl className="facts">
          <dt>{t('me.username')}</dt><dd>{me.data.username}</dd>
          <dt>{t('me.personId')}</dt><dd>{me.data.personId && me.data.personId !== 'null' ? me.data.personId : t('me.noPerson')}</dd>
          <dt>{t('me.roles')}</dt>
          <dd><ul className="tags">{(me.data.roles ?? []).map((role) => <li key={role}>{label('roles', role)}</li>)}</ul></dd>
        </dl>
      )}
      {minutes !== undefined && (<><h2>{t('me.session')}</h2><p>{t('me.expiresIn', { count: minutes })}</p></>)}
    </section>
  );
}
