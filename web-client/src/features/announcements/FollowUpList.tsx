import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useApi } from '../../api/ApiContext';
import { ok } from '../../api/client';
import { useSchools } from '../../api/hooks';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../layout/Status';

const PAGE = 50;

/**
 * The carers still to acknowledge, by name with the children the post concerns and their classes, a page at a time
 * through the api's cursor. `version` changes when acknowledgements arrive, so the loaded pages are read again.
 */
export function FollowUpList({ id, version }: { id: string; version?: number }) {
  const { t } = useTranslation();
  const { api } = useApi();
  const { nameOf } = useSchools();
  const pending = useInfiniteQuery({
    queryKey: ['unacknowledged', id, version],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => ok(api.GET('/api/v1/announcements/{id}/unacknowledged', {
      params: { path: { id }, query: { limit: PAGE, cursor: pageParam } },
    })),
    getNextPageParam: (last) => last.next ?? undefined,
    placeholderData: (previous) => previous,
  });
  const carers = pending.data?.pages.flatMap((page) => page.items ?? []) ?? [];
  return (
    <>
      <h2 id="follow-up-title">{t('reach.stillToAck')}</h2>
      {pending.error && <ErrorMessage error={pending.error} />}
      {pending.isSuccess && carers.length === 0 && <p>{t('reach.stillToAckEmpty')}</p>}
      {carers.length > 0 && (
        <>
          <p className="muted" role="status">{t(pending.hasNextPage ? 'reach.showingSoFar' : 'reach.showing', { count: carers.length })}</p>
          <div className="table-wrap">
            <table data-testid="still-to-acknowledge" aria-labelledby="follow-up-title">
              <thead><tr><th scope="col">{t('reach.carer')}</th><th scope="col">{t('reach.children')}</th><th scope="col">{t('reach.school')}</th></tr></thead>
              <tbody>
                {carers.map((carer) => (
                  <tr key={carer.personId}>
                    <th scope="row">
                      {carer.name ?? carer.personId}{' '}
                      {carer.personId && (
                        <Link className="muted" to={`/consultations/calendar?carerId=${encodeURIComponent(carer.personId)}`}>
                          {t('calendar.theirAsks', { name: carer.name ?? carer.personId })}
                        </Link>
                      )}
                    </th>
                    <td>{(carer.children ?? []).map((child) => (child.classes?.length ? t('reach.child', { name: child.name ?? '', classes: child.classes }) : child.name ?? '')).join('; ')}</td>
                    <td>{(carer.schoolIds ?? []).map((s) => nameOf(s)).join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {pending.hasNextPage && (
            <button type="button" className="secondary" onClick={() => void pending.fetchNextPage()} disabled={pending.isFetchingNextPage}>
              {t('reach.showMore')}
            </button>
          )}
        </>
      )}
    </>
  );
}
