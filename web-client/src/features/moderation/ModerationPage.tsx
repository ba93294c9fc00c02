import { useState } from 'react';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/ApiContext';
import { ok } from '../../api/client';
import { useSchools } from '../../api/hooks';
import type { QueueEntry } from '../../api/types';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n';
import { whatAndWhere } from './whatAndWhere';
import { ErrorMessage, Loading, Notice } from '../../layout/Status';
import { usePageTitle } from '../../layout/usePageTitle';

type Page = { items?: QueueEntry[]; next?: string | null };

/** One queue for what people write: pupils' contributions, reported ones, and authors' review requests. */
export function ModerationPage() {
  const { t } = useTranslation();
  usePageTitle(t('moderation.title'));
  const { api } = useApi();
  const [done, setDone] = useState<string>();
  const queue = useInfiniteQuery({
    queryKey: ['moderation-queue'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => ok(api.GET('/api/v1/moderation/queue', { params: { query: { limit: 50, cursor: pageParam } } })) as Promise<Page>,
    getNextPageParam: (last) => last.next ?? undefined,
  });
  const items = queue.data?.pages.flatMap((page) => page.items ?? []) ?? [];
  return (
    <section aria-labelledby="moderation-title">
      <h1 id="moderation-title">{t('moderation.title')}</h1>
      <p className="muted">{t('moderation.intro')}</p>
      {done && <Notice>{done}</Notice>}
      {queue.isPending && <Loading />}
      {queue.error && <ErrorMessage error={queue.error} />}
      {queue.isSuccess && items.length === 0 && <p>{t('moderation.empty')}</p>}
      {items.map((entry) => <Waiting key={`${entry.kind}:${entry.id}`} entry={entry} onDone={setDone} />)}
      {queue.hasNextPage && (
        <button type="button" className="secondary" onClick={() => void queue.fetchNextPage()} disabled={queue.isFetchingNextPage}>
          {t('moderation.more')}
        </button>
      )}
    </section>
  );
}

function Waiting({ entry, onDone }: { entry: QueueEntry; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const { api } = useApi();
  const { nameOf } = useSchools();
  const queries = useQueryClient();
  const [reason, setReason] = useState('');
  const decide = useMutation({
    mutationFn: (visibility: 'SHOWN' | 'REMOVED') => ok(api.POST('/api/v1/moderation/items/{kind}/{id}/decision', {
      params: { path: { kind: entry.kind!, id: entry.id! } },
      body: { visibility, reason: reason.trim() || undefined },
    })),
    onSuccess: (_, visibility) => {
      onDone(visibility === 'SHOWN' ? t('moderation.shown') : t('moderation.removed'));
      void queries.invalidateQueries({ queryKey: ['moderation-queue'] });
    },
  });
  const key = `${entry.kind}-${entry.id}`;
  const reports = entry.reports ?? [];
  return (
    <article className="card" aria-labelledby={`mod-${key}`}>
      <h2 id={`mod-${key}`}>{whatAndWhere(entry)}</h2>
      <p className="muted">
        {entry.byPupil && <span className="badge">{t('moderation.pupil')}</span>}{' '}
        {t('moderation.by', { author: entry.author ?? '' })} · {entry.schoolId ? nameOf(entry.schoolId) : t('feed.trust')} · {formatDateTime(entry.submittedAt)}
      </p>
      <p><strong>{entry.reason}</strong></p>
      <blockquote className="contribution">{entry.text}</blockquote>
      {reports.length > 0 && (
        <p className="muted">{t('moderation.reports', { count: reports.length })}: {reports.join('; ')}</p>
      )}
      {entry.reviewReason && <p>{t('moderation.reviewReason', { reason: entry.reviewReason })}</p>}
      {(entry.decisions ?? []).length > 0 && (
        <details>
          <summary>{t('moderation.history')}</summary>
          <ul>
            {(entry.decisions ?? []).map((d) => (
              <li key={`${d.by}-${d.at}`}>{formatDateTime(d.at)}: {d.visibility} ({d.by}){d.reason ? `: ${d.reason}` : ''}</li>
            ))}
          </ul>
        </details>
      )}
      <div className="field">
        <label htmlFor={`reason-${key}`}>{t('moderation.reason')}</label>
        <textarea id={`reason-${key}`} value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
      <div className="actions">
        <button type="button" onClick={() => decide.mutate('SHOWN')} disabled={decide.isPending}>{t('moderation.show')}</button>
        <button type="button" className="secondary" disabled={!reason.trim() || decide.isPending}
          onClick={() => decide.mutate('REMOVED')}>{t('moderation.remove')}</button>
      </div>
      {decide.error && <ErrorMessage error={decide.error} />}
    </article>
  );
}
