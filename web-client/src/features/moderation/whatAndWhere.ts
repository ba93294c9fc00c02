import { i18n } from '../../i18n';

const KNOWN_KINDS = ['idea', 'comment', 'survey-answer', 'opinion-statement'];

/** What the item is and where it was written: "A written answer to the survey “Lunches”". */
export function whatAndWhere(entry: { kind?: string; title?: string }): string {
  const kind = KNOWN_KINDS.includes(entry.kind ?? '') ? entry.kind! : 'other';
  return i18n.t(`moderationKinds.${kind}` as never, { title: entry.title ?? '' });
}
