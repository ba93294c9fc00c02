import type { AnnouncementInput, AnnouncementView } from '../../api/types';

export type Texts = Record<string, { title: string; body: string }>;

const future = (iso: string | undefined, now: Date) => (iso && new Date(iso) > now ? iso : undefined);

/**
 * The edit the api expects (`PUT /announcements/{id}` takes the whole announcement): the announcement as it is,
 * with the new texts. Dates already past are left out, since the api accepts only future ones; a published
 * announcement keeps its audience, school and dates anyway. The reason, if given, is shown to readers with the edit.
 */
export function editInput(view: AnnouncementView, texts: Texts, now = new Date(), editReason?: string): AnnouncementInput {
  const windowStart = future(view.trustWide?.windowStart, now);
  const windowEnd = future(view.trustWide?.windowEnd, now);
  return {
    schoolId: view.schoolId,
    audience: view.audience ?? {},
    priority: view.priority,
    requiresAcknowledgement: view.requiresAcknowledgement,
    acknowledgeBy: future(view.acknowledgeBy, now),
    defaultLanguage: view.defaultLanguage,
    translations: texts,
    links: view.links?.map((l) => ({ title: l.title, url: l.url })),
    publishAt: future(view.publishAt, now),
    expiresAt: future(view.expiresAt, now),
    trustWide: view.trustWide && windowStart && windowEnd
      ? { mode: view.trustWide.adaptable ? 'ADAPTABLE' : 'IDENTICAL', windowStart, windowEnd, allowDecline: view.trustWide.allowDecline }
      : undefined,
    editReason: editReason?.trim() || undefined,
  };
}

export function textsOf(view: AnnouncementView): Texts {
  return Object.fromEntries(Object.entries(view.translations ?? {}).map(([lang, c]) => [lang, { title: c.title ?? '', body: c.body ?? '' }]));
}

export const canEdit = (view: AnnouncementView) => view.status !== 'RETRACTED' && view.status !== 'EXPIRED';
export const canWithdraw = (view: AnnouncementView) => view.status === 'PUBLISHED' || view.status === 'SCHEDULED';
