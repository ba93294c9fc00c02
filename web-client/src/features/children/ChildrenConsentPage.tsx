import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { ok } from '../../api/client';
import type { ChildConsent } from '../../api/types';
import { ErrorMessage, Loading } from '../../layout/Status';
import { usePageTitle } from '../../layout/usePageTitle';

const CHILDREN = ['children', 'participation-consents'];

/**
 * A parent or guardian sees each of their children under the school's minimum age and gives or withdraws consent for
 * them to take part in consultations and opinion maps (the api audits both).
 */
export function ChildrenConsentPage() {
  const { t } = useTranslation();
  usePageTitle(t('children.title'));
  const { api } = useApi();
  const children = useQuery({ queryKey: CHILDREN, queryFn: () => ok(api.GET('/api/v1/children/participation-consents')) });
  return (
    <section aria-labelledby="children-title">
      <h1 id="children-title">{t('children.title')}</h1>
      <p>{t('children.intro')}</p>
      {children.isPending && <Loading />}
      {children.error && <ErrorMessage error={children.error} />}
      {children.data?.length === 0 && <p className="muted">{t('children.none')}</p>}
      {children.data && children.data.length > 0 && (
        <ul className="cards">{children.data.map((child) => <li key={child.pupilId}><Child child={child} /></li>)}</ul>
      )}
    </section>
  );
}

function Child({ child }: { child: ChildConsent }) {
  const { t, i18n } = useTranslation();
  const { api } = useApi();
  const queries = useQueryClient();
  const path = { params: { path: { pupilId: child.pupilId ?? '' } } };
  const change = useMutation({
    mutationFn: (give: boolean) => ok(give ? api.PUT('/api/v1/children/{pupilId}/participation-consent', path)
      : api.DELETE('/api/v1/children/{pupilId}/participation-consent', path)),
    onSuccess: () => queries.invalidateQueries({ queryKey: CHILDREN }),
  });
  const name = `${child.givenName ?? ''} ${child.familyName ?? ''}`.trim() || child.pupilId;
  const since = child.givenAt ? new Date(child.givenAt).toLocaleDateString(i18n.language) : '';
  return (
    <article className="panel" aria-labelledby={`child-${child.pupilId}`}>
      <h2 id={`child-${child.pupilId}`}>{name}</h2>
      <p className="muted">{[child.schoolName, child.yearGroup].filter(Boolean).join(' · ')}</p>
      <p>{t('children.underAge', { minimumAge: child.minimumAge })}</p>
      <p role="status">{child.given ? t('children.given', { date: since }) : t('children.notGiven')}</p>
      <button type="button" disabled={change.isPending} onClick={() => change.mutate(!child.given)}>
        {child.given ? t('children.withdraw', { name }) : t('children.give', { name })}
      </button>
      {change.error && <ErrorMessage error={change.error} />}
    </article>
  );
}
