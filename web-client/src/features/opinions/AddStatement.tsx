import { useTranslation } from 'react-i18next';
import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useApi } from '../../api/ApiContext';
import { idempotencyKey, ok } from '../../api/client';
import type { OpinionStatement } from '../../api/types';
import { ErrorMessage, Notice } from '../../layout/Status';
import { useRefreshConversation } from './useOpinions';

export const MAX_STATEMENT = 140;

interface Props { conversationId: string; strict: boolean; seeding?: boolean }

/** Adds a statement of at most 140 characters; says when it waits for a moderator. Leaders seed with the same form. */
export function AddStatement({ conversationId, strict, seeding = false }: Props) {
  const { t } = useTranslation();
  const { api } = useApi();
  const refresh = useRefreshConversation(conversationId);
  const [text, setText] = useState('');
  const [key, setKey] = useState(idempotencyKey);
  const write = useMutation({
    mutationFn: () => ok(api.POST('/api/v1/opinions/conversations/{id}/statements', {
      params: { path: { id: conversationId }, header: { 'Idempotency-Key': key } },
      body: { text: text.trim() },
    })) as Promise<OpinionStatement>,
    onSuccess: () => { setText(''); setKey(idempotencyKey()); void refresh(); },
  });
  const submit = (event: FormEvent) => { event.preventDefault(); write.mutate(); };
  const titleId = seeding ? 'seed-title' : 'add-title';
  return (
    <form onSubmit={submit} aria-labelledby={titleId} className="panel">
      <h2 id={titleId}>{seeding ? t('opinions.seed') : t('opinions.add')}</h2>
      <p className="hint" id={`${titleId}-help`}>{t('opinions.addHelp')}</p>
      {strict && !seeding && <p className="hint">{t('opinions.strictNote')}</p>}
      <div className="field">
        <label htmlFor={`${titleId}-text`}>{t('opinions.statement')}</label>
        <textarea id={`${titleId}-text`} value={text} maxLength={MAX_STATEMENT} rows={3} required
          aria-describedby={`${titleId}-help ${titleId}-left`} onChange={(e) => setText(e.target.value)} />
        <p className="hint" id={`${titleId}-left`}>{t('opinions.left', { count: MAX_STATEMENT - text.length })}</p>
      </div>
      <button type="submit" disabled={!text.trim() || write.isPending}>{t('opinions.send')}</button>
      {write.data && <Notice>{write.data.visibility === 'SHOWN' ? t('opinions.sentShown') : t('opinions.sentWaiting')}</Notice>}
      {write.error && <ErrorMessage error={write.error} />}
    </form>
  );
}
