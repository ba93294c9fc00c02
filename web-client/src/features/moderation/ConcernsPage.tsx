import { useState } from 'react';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/ApiContext';
import { ok } from '../../api/client';
import { useSchools } from '../../api/hooks';
import type { ConcernEntry } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n';
import { ErrorMessage, Loading, Notice } from '../../layout/Status';
import { usePageTitle } from '../../layout/usePageTitle';
import { whatAndWhere } from './whatAndWhere';

type Page = { items?: ConcernEntry[]; next?: string | null };

/** The safeguarding lead's concerns: what matched a concern phrase, never published, acknowledged with a note. */
export function ConcernsPage() {
  const { t } = useTranslation();
  const { session } = useAuth();
  const isLead = session?.roles.includes('safeguarding-lead') ?? false;
  const [escalated, setEscalated] = useState(!isLead);
  usePageTitle(escalated ? t('concerns.escalatedTitle') : t('concerns.title'));
  const { api } = useApi();
  const [done, setDone] = useState<string>();
  const concerns = useInfiniteQuery({
    queryKey: ['concerns', escalated],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => ok(api.GET('/api/v1/safeguarding/concerns', {
      params: { query: { escalated, limit: 50, cursor: pageParam } },
    })) as Promise<Page>,
    getNextPageParam: (last) => last.next ?? undefined,
  });
  const items = concerns.data?.pages.flatMap((page) => page.items ?? []) ?? [];
  return (
    <section aria-labelledby="concerns-title">
      <h1 id="concerns-title">{escalated ? t('concerns.escalatedTitle') : t('concerns.title')}</h1>
      <p className="muted">{t('concerns.intro')}</p>
      {isLead && (
        <button type="button" className="secondary" onClick={() => setEscalated(!escalated)}>
          {escalated ? t('concerns.showMine') : t('concerns.showEscalated')}
        </button>
      )}
      {done && <Notice>{done}</Notice>}
      {concerns.isPending && <Loading />}
      {concerns.error && <ErrorMessage error={concerns.error} />}
      {concerns.isSuccess && items.length === 0 && <p>{t('concerns.empty')}</p>}
      {items.map((entry) => <Concern key={`${entry.kind}:${entry.id}`} entry={entry} onDone={setDone} />)}
      {concerns.hasNextPage && (
        <button type="button" className="secondary" onClick={() => void concerns.fetchNextPage()} disabled={concerns.isFetchingNextPage}>
          {t('concerns.more')}
        </button>
      )}
    </section>
  );
}

function Concern({ entry, onDone }: { entry: ConcernEntry; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const { api } = useApi();
  const { nameOf } = useSchools();
  const queries = useQueryClient();
  const [note, setNote] = useState('');
  const acknowledge = useMutation({
    mutationFn: () => ok(api.POST('/api/v1/safeguarding/concerns/{kind}/{id}/acknowledgement', {
      params: { path: { kind: entry.kind!, id: entry.id! } }, body: { note },
    })),
    onSuccess: () => {
      onDone(t('concerns.done'));
      void queries.invalidateQueries({ queryKey: ['concerns'] });
    },
  });
  const key = `${entry.kind}-${entry.id}`;
  return (
    <article className="card" aria-labelledby={`concern-${key}`}>
      <h2 id={`concern-${key}`}>{whatAndWhere(entry)}</h2>
      <p className="muted">
        {entry.byPupil && <span className="badge">{t('moderation.pupil')}</span>}{' '}
        {t('moderation.by', { author: entry.author ?? '' })} · {(entry.schoolIds ?? []).map((id) => nameOf(id)).join(', ')} · {t('concerns.raised', { when: formatDateTime(entry.raisedAt) })}
      </p>
      <blockquote className="contribution">{entry.text}</blockquote>
      <p className="muted">{t('concerns.phrases', { phrases: (entry.phrases ?? []).join(', ') })}</p>
      {entry.escalatedAt && <p><span className="badge URGENT">{t('concerns.escalated')}</span></p>}
      {entry.acknowledgedAt ? (
        <p>{t('concerns.acknowledged', { who: entry.acknowledgedBy ?? '', when: formatDateTime(entry.acknowledgedAt) })}{entry.note ? `: ${entry.note}` : ''}</p>
      ) : (
        <>
          <div className="field">
            <label htmlFor={`note-${key}`}>{t('concerns.note')}</label>
            <textarea id={`note-${key}`} value={note} onChange={(e) => setNote(e.target.value)} />
          </div>
          <div className="actions">
            <button type="button" disabled={!note.trim() || acknowledge.isPending} onClick={() => acknowledge.mutate()}>
              {t('concerns.acknowledge')}
            </button>
          </div>
        </>
      )}
      {acknowledge.error && <ErrorMessage error={acknowledge.error} />}
    </article>
  );
}
