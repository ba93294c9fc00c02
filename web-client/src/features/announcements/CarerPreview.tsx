import { useTranslation } from 'react-i18next';
import { label } from '../../i18n';
import type { Translation } from './ComposePage';

/** The announcement as a carer's feed will show it (paragraphs only; the api renders the Markdown). */
export function CarerPreview({ content, priority, requiresAck, from }: { content: Translation; priority: string; requiresAck: boolean; from: string }) {
  const { t } = useTranslation();
  return (
    <article className="preview" aria-label={t('compose.preview')}>
      <h3>{content.title || t('compose.titleLabel')}</h3>
      <p className="muted">
        {priority !== 'NORMAL' && <span className={`badge ${priority}`}>{label('priority', priority)}</span>} {t('feed.from', { school: from })}
      </p>
      {content.body.split(/\n{2,}/).filter(Boolean).map((paragraph, i) => <p key={i}>{paragraph}</p>)}
      {requiresAck && <button type="button" disabled>{t('feed.acknowledge')}</button>}
    </article>
  );
}
