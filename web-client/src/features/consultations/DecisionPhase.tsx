import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ConsultationView } from '../../api/types';
import { ErrorMessage, Loading } from '../../layout/Status';
import { DecisionList } from '../decisions/DecisionsPage';
import { useDecisionList } from '../decisions/useDecisions';

const FROM_DECISION = ['DECISION', 'OUTCOME', 'REVIEW', 'CLOSED'];

/** The votes of the consultation's decision phase: to vote in, or (for its leaders) to set up and close. */
export function DecisionPhase({ consultation }: { consultation: ConsultationView }) {
  const shown = FROM_DECISION.includes(consultation.stage ?? '') || !!consultation.youManage;
  if (!shown) return null;
  return <Votes consultation={consultation} />;
}

function Votes({ consultation }: { consultation: ConsultationView }) {
  const { t } = useTranslation();
  const list = useDecisionList(consultation.id);
  const create = `/decisions/new?consultationId=${encodeURIComponent(consultation.id ?? '')}${consultation.schoolId ? `&schoolId=${encodeURIComponent(consultation.schoolId)}` : ''}`;
  return (
    <section aria-labelledby="votes-title">
      <h2 id="votes-title">{t('decisions.phaseTitle')}</h2>
      {list.isPending ? <Loading /> : list.error ? <ErrorMessage error={list.error} /> : <DecisionList decisions={list.data ?? []} />}
      {consultation.youManage && <p><Link to={create}>{t('decisions.create')}</Link></p>}
    </section>
  );
}
