import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAuth } from '../../auth/AuthContext';
import { LEADER_ROLES, hasAny } from '../../auth/roles';
import { useSchools } from '../../api/hooks';
import type { ConsultationView } from '../../api/types';
import { formatDateTime } from '../../i18n';
import { ErrorMessage, Loading } from '../../layout/Status';
import { usePageTitle } from '../../layout/usePageTitle';
import { stageLabel, useConsultationList } from './useConsultations';

/** The consultations I take part in or manage: each with its stage, dates and what it asks. */
export function ConsultationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('consultations.title'));
  const { session } = useAuth();
  const list = useConsultationList();
  return (
    <section aria-labelledby="consultations-title">
      <h1 id="consultations-title">{t('consultations.title')}</h1>
      <p className="muted">{t('consultations.intro')}</p>
      {hasAny(session?.roles ?? [], LEADER_ROLES) && (
        <p><Link className="button" to="/consultations/new">{t('consultations.create')}</Link></p>
      )}
      {list.isPending && <Loading />}
      {list.error && <ErrorMessage error={list.error} />}
      {list.isSuccess && list.data.length === 0 && <p>{t('consultations.empty')}</p>}
      {list.isSuccess && list.data.length > 0 && (
        <ul className="feed">
          {list.data.map((consultation) => <Summary key={consultation.id} consultation={consultation} />)}
        </ul>
      )}
    </section>
  );
}

function Summary({ consultation }: { consultation: ConsultationView }) {
  const { t } = useTranslation();
  const { nameOf } = useSchools();
  const current = (consultation.phases ?? []).find((plan) => plan.phase === consultation.stage);
  return (
    <li className="card">
      <h2><Link to={`/consultations/${consultation.id}`}>{consultation.title}</Link></h2>
      <p className="muted">
        <span className="badge">{stageLabel(consultation.stage)}</span>{' '}
        {consultation.schoolId ? nameOf(consultation.schoolId) : t('consultations.trustWide')}
        {current?.startsAt && <> · {t('consultations.phaseFrom', { phase: stageLabel(current.phase), when: formatDateTime(current.startsAt) })}</>}
        {consultation.endsAt && <> · {t('consultations.closes', { when: formatDateTime(consultation.endsAt) })}</>}
      </p>
      <p><span className="sr-only">{t('consultations.asked')}: </span>{consultation.question}</p>
    </li>
  );
}
