import { useEffect, useState } from 'react';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/ApiContext';
import { idempotencyKey, ok } from '../../api/client';
import { useMe, useSchools } from '../../api/hooks';
import type { FeedItem, FeedPage as Page, Me } from '../../api/types';
import { useTranslation } from 'react-i18next';
import { formatDateTime, label } from '../../i18n';
import { ErrorMessage, Loading } from '../../layout/Status';
import { StoredHtml } from '../../layout/StoredHtml';
import { usePageTitle } from '../../layout/usePageTitle';
import { useAuth } from '../../auth/AuthContext';
import { isOffline, keepFeed, keptFeed } from '../../api/offlineFeed';
import { queueAcknowledgement } from '../../api/offlineAcknowledgements';
import { useOutboxEntries } from '../../api/useOutbox';
import { idOf } from '../../api/outbox';
import { useRenderedCount, useSettledOnce } from '../../layout/useRenderedCount';

/** What is addressed to me (carer, pupil, staff or leader) across all my schools, newest first. */
type FeedQuery = { since: string; limit?: number; cursor?: string };

export function FeedPage() {
  const { t } = useTranslation();
  usePageTitle(t('feed.title'));
  const { api } = useApi();
  const feed = useInfiniteQuery({
    queryKey: ['feed'],
    // Offline it fails at once and the kept copy is shown, rather than waiting paused for the connection.
    networkMode: 'always',
    initialPageParam: undefined as string | undefined,
    // The document merges GET /feed and GET /feed?since= into one operation that marks 'since' required.
    queryFn: ({ pageParam }) => ok(api.GET('/api/v1/feed', { params: { query: { limit: 20, cursor: pageParam } as FeedQuery } })) as Promise<Page>,
    getNextPageParam: (last) => last.next ?? undefined,
  });
  // Fetched beside the feed, not by the first card: the cards render once, with names and children, not twice.
  const me = useMe();
  const { nameOf, ...schools } = useSchools();
  const username = useAuth().session?.username;
  const queued = new Set(useOutboxEntries(username).map(idOf));
  const firstPage = feed.data?.pages[0]?.items;
  useEffect(() => { if (username && firstPage) keepFeed(username, firstPage); }, [username, firstPage]);
  const kept = feed.error && username && isOffline(feed.error) ? keptFeed(username) : null;
  const ready = useSettledOnce(me, schools);
  const items = kept ? kept.items : ready ? feed.data?.pages.flatMap((page) => page.items ?? []) ?? [] : [];
  // What a phone shows first renders at once; the rest follows in pieces the browser can interleave with input.
  const rendered = useRenderedCount(items.length, 4);
  const children = me.data?.children ?? [];
  return (
    <section aria-labelledby="feed-title">
      <h1 id="feed-title">{t('feed.title')}</h1>
      {(feed.isPending || (feed.isSuccess && !ready)) && <Loading />}
      {kept && <p className="notice" role="status">{t('feed.offline', { when: formatDateTime(kept.savedAt) })}</p>}
      {feed.error && !kept && <ErrorMessage error={feed.error} />}
      {feed.isSuccess && ready && items.length === 0 && <p>{t('feed.empty')}</p>}
      <ul className="feed">
        {items.slice(0, rendered).map((item) => (
          <li key={item.id}>
            <FeedCard item={item} queued={queued.has(`ack:${item.id}`)} about={childrenConcerned(item, children)}
              from={item.schoolId ? nameOf(item.schoolId) : t('feed.trust')} />
          </li>
        ))}
      </ul>
      {feed.hasNextPage && (
        <button type="button" className="secondary" onClick={() => void feed.fetchNextPage()} disabled={feed.isFetchingNextPage}>
          {t('feed.loadMore')}
        </button>
      )}
    </section>
  );
}

type Child = NonNullable<Me['children']>[number];

/**
 * Which of a carer's children an item concerns (as the mobile app labels it): a school's post, the children at that
 * school; a post several schools adopted, the children at those; a trust-wide one, all of them.
 */
export function childrenConcerned(item: FeedItem, children: Child[]): string[] {
  const schools = new Set(item.schoolId ? [item.schoolId] : (item.localNotes ?? []).map((note) => note.schoolId));
  const concerned = schools.size === 0 ? children : children.filter((child) => schools.has(child.schoolId));
  return concerned.map((child) => `${child.givenName} (${child.schoolName})`);
}

/** One post: `from` names its school (or the trust), `about` the children it concerns, `queued` an acknowledgement kept offline. */
export function FeedCard({ item, from, about, queued }: { item: FeedItem; from: string; about: string[]; queued: boolean }) {
  const { t } = useTranslation();
  const { api } = useApi();
  const { nameOf } = useSchools();
  const queries = useQueryClient();
  const [key] = useState(idempotencyKey);
  const username = useAuth().session?.username;
  const acknowledge = useMutation({
    networkMode: 'always',
    mutationFn: () => ok(api.POST('/api/v1/feed/{id}/acknowledge', {
      params: { path: { id: item.id! }, header: { 'Idempotency-Key': key } },
    })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['feed'] }),
    // Offline, the tap is kept with its key and sent when the connection returns (useOutbox).
    onError: (error) => { if (username && isOffline(error)) queueAcknowledgement(username, item.id!, key); },
  });
  const headingId = `item-${item.id}`;
  if (item.withdrawn) {
    return <WithdrawnCard item={item} headingId={headingId} from={from} />;
  }
  return (
    <article className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{item.title}</h2>
      <p className="muted">
        {item.priority && item.priority !== 'NORMAL' && <span className={`badge ${item.priority}`}>{label('priority', item.priority)}</span>}{' '}
        {t('feed.from', { school: from })} · <time dateTime={item.publishedAt}>{formatDateTime(item.publishedAt)}</time>
        {item.edited && <> · <em><Edited item={item} /></em></>}
      </p>
      {about.length > 0 && <p className="about">{t('feed.about', { children: about })}</p>}
      {/* The api renders the author's Markdown to sanitised HTML. */}
      <StoredHtml className="body" html={item.html} />
      {(item.localNotes ?? []).map((note) => (
        <p key={note.schoolId} className="panel"><strong>{nameOf(note.schoolId)}:</strong> {note.note}</p>
      ))}
      {(item.links ?? []).length > 0 && (
        <ul>{item.links!.map((link) => <li key={link.url}><a href={link.url}>{link.title || link.url}</a></li>)}</ul>
      )}
      {item.requiresAcknowledgement && (
        item.acknowledgedAt
          ? <p className="notice" role="status">{t('feed.acknowledgedOn', { when: formatDateTime(item.acknowledgedAt) })}</p>
          : queued ? <p className="notice" role="status">{t('feed.ackQueued')}</p> : (
            <div className="actions">
              <p className="muted">{t('feed.needsAck')}</p>
              <button type="button" onClick={() => acknowledge.mutate()} disabled={acknowledge.isPending}>{t('feed.acknowledge')}</button>
            </div>
          )
      )}
      {acknowledge.error && !queued && <ErrorMessage error={acknowledge.error} />}
    </article>
  );
}

/** "Edited 3 Dec, 10:00: the hall is booked", or without a reason when the editor gave none. */
function Edited({ item }: { item: FeedItem }) {
  const { t } = useTranslation();
  const when = formatDateTime(item.editedAt ?? item.updatedAt);
  return <>{item.editReason ? t('feed.editedBecause', { when, reason: item.editReason }) : t('feed.edited', { when })}</>;
}

/** What stays of a withdrawn post in the feeds it reached: its title, who withdrew it, when and why; never its text. */
function WithdrawnCard({ item, headingId, from }: { item: FeedItem; headingId: string; from: string }) {
  const { t } = useTranslation();
  const reason = item.withdrawalReason ?? '';
  return (
    <article className="card withdrawn" aria-labelledby={headingId}>
      <h2 id={headingId}><s>{item.title}</s></h2>
      <p className="muted">
        {t('feed.from', { school: from })} · <time dateTime={item.publishedAt}>{formatDateTime(item.publishedAt)}</time>
        {item.withdrawnAt && <> · {t('feed.withdrawnOn', { when: formatDateTime(item.withdrawnAt) })}</>}
      </p>
      <p className="notice">{item.schoolId ? t('feed.withdrawnBySchool', { reason }) : t('feed.withdrawnByTrust', { reason })}</p>
    </article>
  );
}
