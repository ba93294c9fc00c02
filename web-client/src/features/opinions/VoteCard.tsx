import { useTranslation } from 'react-i18next';
import { useMutation } from '@tanstack/react-query';
import { useApi } from '../../api/ApiContext';
import { ok } from '../../api/client';
import type { OpinionVote, VoteChoice } from '../../api/types';
import { label } from '../../i18n';
import { ErrorMessage, Loading, Notice } from '../../layout/Status';
import { useNextStatement, useRefreshConversation } from './useOpinions';

const CHOICES = [
  { vote: 'AGREE', label: 'opinions.agree', className: 'vote agree' },
  { vote: 'DISAGREE', label: 'opinions.disagree', className: 'vote disagree' },
  { vote: 'PASS', label: 'opinions.pass', className: 'vote pass secondary' },
] as const satisfies readonly { vote: VoteChoice; label: string; className: string }[];

/** One statement at a time, as the api routes them, with large agree / disagree / pass buttons. */
export function VoteCard({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  const { api } = useApi();
  const next = useNextStatement(conversationId, true);
  const refresh = useRefreshConversation(conversationId);
  const vote = useMutation({
    mutationFn: (choice: VoteChoice) => ok(api.POST('/api/v1/opinions/conversations/{id}/votes', {
      params: { path: { id: conversationId } },
      body: { statementId: next.data!.id!, vote: choice },
    })) as Promise<OpinionVote>,
    onSuccess: () => void refresh(),
  });
  return (
    <section aria-labelledby="vote-title" className="panel vote-card">
      <h2 id="vote-title">{t('opinions.vote')}</h2>
      {next.isPending && <Loading />}
      {next.error && <ErrorMessage error={next.error} />}
      {next.data === null && <p>{t('opinions.allDone')}</p>}
      {next.data && (
        <>
          <blockquote className="statement" aria-live="polite">{next.data.text}</blockquote>
          <div className="vote-buttons" role="group" aria-label={t('opinions.vote')}>
            {CHOICES.map((choice) => (
              <button key={choice.vote} type="button" className={choice.className} disabled={vote.isPending}
                onClick={() => vote.mutate(choice.vote)}>
                {t(choice.label)}
              </button>
            ))}
          </div>
        </>
      )}
      {vote.data && <Notice>{vote.data.replaced ? vote.data.note ?? t('opinions.oneVote') : t('opinions.voted', { choice: label('opinions', vote.data.vote ?? 'PASS') })}</Notice>}
      {vote.error && <ErrorMessage error={vote.error} />}
      <p className="hint">{t('opinions.oneVote')}</p>
    </section>
  );
}
