import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useApi } from '../../api/ApiContext';
import { ok } from '../../api/client';
import type { ConsultationView } from '../../api/types';
import { ErrorMessage, Notice } from '../../layout/Status';
import { useConsultationConversations } from './useOpinions';

/**
 * A consultation's deliberation phase: links to its opinion maps (vote, or see the map), and for its managers a way
 * to open one for the consultation's own audience.
 */
export function Deliberation({ consultation }: { consultation: ConsultationView }) {
  const { t } = useTranslation();
  const conversations = useConsultationConversations(consultation.id!);
  const items = conversations.data ?? [];
  const deliberating = consultation.stage === 'DELIBERATION';
  if (!deliberating && items.length === 0) return null;
  return (
    <section aria-labelledby="deliberation-title" className="panel">
      <h2 id="deliberation-title">{t('opinions.deliberation')}</h2>
      <p>{t('opinions.deliberationIntro')}</p>
      {conversations.isSuccess && items.length === 0 && <p className="muted">{t('opinions.none')}</p>}
      <ul className="plain">
        {items.map((conversation) => (
          <li key={conversation.id}>
            <strong>{conversation.topic}</strong>{' '}
            <Link className="button large" to={`/opinions/${conversation.id}`}>
              {conversation.youTakePart ? t('opinions.takePart') : t('opinions.seeMap')}
            </Link>
            {conversation.youTakePart && (
              <p className="muted">{t('opinions.progress', { votes: conversation.yourVotes ?? 0, count: conversation.statementsShown ?? 0 })}</p>
            )}
          </li>
        ))}
      </ul>
      {consultation.youManage && deliberating && <OpenConversation consultation={consultation} />}
    </section>
  );
}

function OpenConversation({ consultation }: { consultation: ConsultationView }) {
  const { t } = useTranslation();
  const { api } = useApi();
  const queries = useQueryClient();
  const open = useMutation({
    mutationFn: () => ok(api.POST('/api/v1/opinions/conversations', {
      body: {
        topic: consultation.question ?? consultation.title ?? '',
        consultationId: consultation.id,
        schoolId: consultation.schoolId ?? undefined,
        audience: consultation.audience,
      },
    })),
    onSuccess: () => void queries.invalidateQueries({ queryKey: ['opinions', 'of', consultation.id] }),
  });
  return (
    <>
      <button type="button" className="secondary" onClick={() => open.mutate()} disabled={open.isPending}>{t('opinions.openOne')}</button>
      {open.isSuccess && <Notice>{t('opinions.opened')}</Notice>}
      {open.error && <ErrorMessage error={open.error} />}
    </>
  );
}
