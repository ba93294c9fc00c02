import { useTranslation } from 'react-i18next';
import type { DecisionDetails } from '../../api/types';
import { ErrorMessage, Notice } from '../../layout/Status';
import { useCloseDecision } from './useDecisions';

/** A leader closes the vote early; the count follows and the page shows it. */
export function CloseVote({ decision }: { decision: DecisionDetails }) {
  const { t } = useTranslation();
  const close = useCloseDecision(decision.id ?? '');
  const press = () => {
    if (window.confirm(t('decisions.closeConfirm'))) close.mutate();
  };
  return (
    <div className="actions">
      <button type="button" className="secondary" onClick={press} disabled={close.isPending}>{t('decisions.close')}</button>
      {close.isSuccess && <Notice>{t('decisions.closed')}</Notice>}
      {close.error != null && <ErrorMessage error={close.error} />}
    </div>
  );
}
