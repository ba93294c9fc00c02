import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { ok } from '../../api/client';
import { label } from '../../i18n';
import { ErrorMessage } from '../../layout/Status';

const PAGE = 50;
const MARK = { shown: 'results.markShown', hidden: 'results.markHidden', flagged: 'results.markFlagged' } as const;
const STATES = Object.keys(MARK) as (keyof typeof MARK)[];

/**
 * The written answers to one question, a page at a time, once the trust's moderation shows them (a pupil's after a
 * moderator approved it). The survey's owner sees each with its state and decides which others may read; everyone else
 * gets only the answers marked shown.
 */
export function WrittenAnswers({ surveyId, questionId, moderates }: { surveyId: string; questionId: string; moderates: boolean }) {
  const { t } = useTranslation();
  const { api } = useApi();
  const queries = useQueryClient();
  const key = ['free-text', surveyId, questionId];
  const answers = useInfiniteQuery({
    queryKey: key,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => ok(api.GET('/api/v1/surveys/{surveyId}/free-text', {
      params: { path: { surveyId }, query: { question: questionId, limit: PAGE, cursor: pageParam } },
    })),
    getNextPageParam: (last) => last.next ?? undefined,
  });
  const moderate = useMutation({
    mutationFn: ({ responseId, state }: { responseId: string; state: string }) => ok(api.PUT('/api/v1/surveys/{surveyId}/free-text/{responseId}/{questionId}', {
      params: { path: { surveyId, responseId, questionId } }, body: { state },
    })),
    onSuccess: () => queries.invalidateQueries({ queryKey: key }),
  });
  const items = answers.data?.pages.flatMap((page) => page.items ?? []) ?? [];
  return (
    <div className="written-answers">
      <h3>{t('results.textAnswers')}</h3>
      {answers.error && <ErrorMessage error={answers.error} />}
      {answers.isSuccess && items.length === 0 && <p className="muted">{t('results.noTextAnswers')}</p>}
      <ul className="plain">
        {items.map((answer) => (
          <li key={answer.responseId} className="card">
            <p>{answer.text}</p>
            {moderates && (
              <p className="muted">
                <span className="badge">{label('moderationStates', answer.moderation)}</span>{' '}
                {STATES.filter((s) => s !== answer.moderation).map((state) => (
                  <button key={state} type="button" className="secondary" disabled={moderate.isPending}
                    onClick={() => moderate.mutate({ responseId: answer.responseId!, state })}>
                    {t(MARK[state])}
                  </button>
                ))}
              </p>
            )}
          </li>
        ))}
      </ul>
      {moderate.error && <ErrorMessage error={moderate.error} />}
      {answers.hasNextPage && (
        <button type="button" className="secondary" disabled={answers.isFetchingNextPage} onClick={() => void answers.fetchNextPage()}>
          {t('results.moreTextAnswers')}
        </button>
      )}
    </div>
  );
}
