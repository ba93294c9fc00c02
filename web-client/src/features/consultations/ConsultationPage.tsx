import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { useLocation, useParams } from 'react-router-dom';
import { useSchools } from '../../api/hooks';
import type { ConsultationView } from '../../api/types';
import { formatDateTime } from '../../i18n';
import { ErrorMessage, Loading } from '../../layout/Status';
import { usePageTitle } from '../../layout/usePageTitle';
import { Deliberation } from '../opinions/Deliberation';
import { Discussion } from './Comments';
import { DecisionPhase } from './DecisionPhase';
import { Ideas, isOpenForComments } from './Ideas';
import { AdaptLinks, LeaderTools } from './LeaderTools';
import { Outcome } from './Outcome';
import { stageLabel, useConsultation } from './useConsultations';

/** One consultation: its promises first, then ideas and discussion (after the outcome once there is one), and (for its managers) their tools. */
export function ConsultationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const consultation = useConsultation(id);
  usePageTitle(consultation.data?.title ?? t('consultations.title'));
  if (consultation.isPending) return <Loading />;
  if (consultation.error) return <ErrorMessage error={consultation.error} />;
  return <Consultation consultation={consultation.data} />;
}

function Consultation({ consultation }: { consultation: ConsultationView }) {
  const { t } = useTranslation();
  const { nameOf } = useSchools();
  const voices = consultation.yourVoices ?? [];
  const [as, setAs] = useState(voices[0]?.as);
  const canTakePart = voices.length > 0;
  const fatigueWarning = (useLocation().state as { fatigueWarning?: string } | null)?.fatigueWarning;
  return (
    <article aria-labelledby="consultation-title">
      <h1 id="consultation-title">{consultation.title}</h1>
      {fatigueWarning && <p role="alert" className="warning">{t('consultations.fatigue', { warning: fatigueWarning })}</p>}
      <p className="muted">
        <span className="badge">{stageLabel(consultation.stage)}</span>{' '}
        {consultation.schoolId ? nameOf(consultation.schoolId) : t('consultations.trustWide')}
        {consultation.endsAt && <> · {t('consultations.closes', { when: formatDateTime(consultation.endsAt) })}</>}
      </p>
      <p className="lead"><strong>{consultation.question}</strong></p>
      {consultation.body && <p>{consultation.body}</p>}
      <Promises consultation={consultation} />
      <Timetable consultation={consultation} />
      <AdaptLinks consultation={consultation} />
      {voices.length > 1 && (
        <fieldset className="panel">
          <legend>{t('consultations.voice')}</legend>
          <p className="hint">{t('consultations.voiceHelp')}</p>
          {voices.map((voice) => (
            <label key={voice.as} className="check">
              <input type="radio" name="voice" value={voice.as} checked={as === voice.as} onChange={() => setAs(voice.as)} />
              {voice.label}
            </label>
          ))}
        </fieldset>
      )}
      <LocalQuestions consultation={consultation} />
      <DecisionPhase consultation={consultation} />
      {consultation.outcome && <Outcome consultation={consultation} />}
      <Deliberation consultation={consultation} />
      <Ideas consultation={consultation} as={as} canTakePart={canTakePart} />
      <Discussion heading={t('consultations.comments')}
        where={{ consultationId: consultation.id!, as, canWrite: canTakePart && isOpenForComments(consultation.stage) }} />
      {!consultation.outcome && <Outcome consultation={consultation} />}
      {consultation.youManage && <LeaderTools consultation={consultation} />}
    </article>
  );
}

/** Stated before anyone takes part: who decides and how, how carers count, who may take part, anonymity. */
function Promises({ consultation }: { consultation: ConsultationView }) {
  const { t } = useTranslation();
  const s = consultation.statements ?? {};
  return (
    <section aria-labelledby="promises-title" className="panel">
      <h2 id="promises-title">{t('consultations.promises')}</h2>
      <dl className="facts">
        <dt>{t('consultations.whoDecides')}</dt><dd>{s.decision}</dd>
        {consultation.audience?.roles?.includes('CARERS') && <><dt>{t('consultations.carerVoice')}</dt><dd>{s.carerVoice}</dd></>}
        <dt>{t('consultations.eligibility')}</dt><dd>{s.eligibility}</dd>
        <dt>{t('consultations.anonymity')}</dt>
        <dd>{s.supports}{consultation.supportThreshold ? ` ${t('consultations.threshold', { count: consultation.supportThreshold })}` : ''}</dd>
      </dl>
    </section>
  );
}

function Timetable({ consultation }: { consultation: ConsultationView }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="timetable-title">
      <h2 id="timetable-title">{t('consultations.phases')}</h2>
      <ol>
        {(consultation.phases ?? []).map((plan) => (
          <li key={plan.phase} aria-current={plan.phase === consultation.stage ? 'step' : undefined}>
            {t('consultations.phaseFrom', { phase: stageLabel(plan.phase), when: formatDateTime(plan.startsAt) })}
            {plan.phase === consultation.stage && <> <strong>{t('consultations.current')}</strong></>}
          </li>
        ))}
      </ol>
    </section>
  );
}

function LocalQuestions({ consultation }: { consultation: ConsultationView }) {
  const { t } = useTranslation();
  const { nameOf } = useSchools();
  const local = (consultation.localQuestions ?? []).filter((edition) => (edition.questions ?? []).length > 0);
  if (local.length === 0) return null;
  return (
    <section aria-labelledby="local-title">
      <h2 id="local-title">{t('consultations.localQuestions')}</h2>
      {local.map((edition) => (
        <div key={edition.schoolId} className="panel">
          <p className="muted">{nameOf(edition.schoolId)}{edition.closesAt && <> · {t('consultations.closes', { when: formatDateTime(edition.closesAt) })}</>}</p>
          <ul>{(edition.questions ?? []).map((q) => <li key={q.id}>{q.text}</li>)}</ul>
        </div>
      ))}
    </section>
  );
}
