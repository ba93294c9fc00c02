import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { ok } from '../../api/client';
import { ErrorMessage } from '../../layout/Status';

/** Closes an open survey now, after saying what that means; the results stay readable. */
export function CloseSurvey({ surveyId }: { surveyId: string }) {
  const { t } = useTranslation();
  const { api } = useApi();
  const queries = useQueryClient();
  const [asking, setAsking] = useState(false);
  const close = useMutation({
    mutationFn: () => ok(api.POST('/api/v1/surveys/{surveyId}/close', { params: { path: { surveyId } } })),
    onSuccess: async () => {
      setAsking(false);
      await Promise.all([
        queries.invalidateQueries({ queryKey: ['survey', surveyId] }),
        queries.invalidateQueries({ queryKey: ['results', surveyId] }),
      ]);
    },
  });
  if (!asking) return <button type="button" className="secondary" onClick={() => setAsking(true)}>{t('results.close')}</button>;
  return (
    <div role="alertdialog" aria-labelledby="close-title" aria-describedby="close-body" className="panel confirm">
      <h2 id="close-title">{t('results.closeTitle')}</h2>
      <p id="close-body">{t('results.closeBody')}</p>
      <div className="actions">
        <button type="button" disabled={close.isPending} onClick={() => close.mutate()}>{t('results.closeConfirm')}</button>
        <button type="button" className="secondary" onClick={() => setAsking(false)}>{t('compose.confirmCancel')}</button>
      </div>
      {close.error && <ErrorMessage error={close.error} />}
    </div>
  );
}
