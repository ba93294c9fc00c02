import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Link } from 'react-router-dom';
import { useAuth } from '../../auth/AuthContext';
import { removeFromOutbox, surveyEntryId, type QueuedSurveyAnswers, type Refusal } from '../../api/outbox';
import { useOutboxEntries } from '../../api/useOutbox';

const CLOSED = 'urn:chorus:problem:survey-closed';
const ANSWERED = 'urn:chorus:problem:already-answered';

/** The person's survey answers kept on this device (ADR 0361), waiting for the connection or refused by the api. */
export function useSurveyAnswersOnDevice(): QueuedSurveyAnswers[] {
  return useOutboxEntries(useAuth().session?.username)
    .filter((queued): queued is QueuedSurveyAnswers => queued.kind === 'survey-answers');
}

/** Why answers kept on the device were not taken, in the person's words, with what they can do. */
export function Refused({ kept, link = false }: { kept: QueuedSurveyAnswers; link?: boolean }) {
  const { t } = useTranslation();
  const username = useAuth().session?.username;
  const discard = () => { if (username) removeFromOutbox(username, surveyEntryId(kept.surveyId, kept.unit)); };
  return (
    <div role="alert" className="error">
      <p>{link ? <Link to={`/surveys/${kept.surveyId}/answer/${kept.unit}`}>{kept.title}</Link> : null}{link ? ': ' : null}
        {explanation(t, kept.refused!)}</p>
      <button type="button" className="secondary" onClick={discard}>{t('answer.discardOnDevice')}</button>
    </div>
  );
}

function explanation(t: TFunction, refusal: Refusal): string {
  if (refusal.type === CLOSED) return t('answer.refusedClosed');
  if (refusal.type === ANSWERED) return t('answer.refusedAnswered');
  return t('answer.refusedOther', { detail: refusal.detail ?? '' });
}

/** On the surveys page: answers kept on this device that wait for the connection or were refused. */
export function AnswersOnDevice() {
  const { t } = useTranslation();
  const kept = useSurveyAnswersOnDevice();
  if (kept.length === 0) return null;
  return (
    <ul className="feed">
      {kept.map((answers) => (
        <li key={surveyEntryId(answers.surveyId, answers.unit)} className="card">
          {answers.refused ? <Refused kept={answers} link /> : (
            <p role="status"><Link to={`/surveys/${answers.surveyId}/answer/${answers.unit}`}>{answers.title}</Link>: {t('answer.savedOnDevice')}</p>
          )}
        </li>
      ))}
    </ul>
  );
}
