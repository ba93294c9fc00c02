import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { ConversationView } from '../../api/types';
import { ErrorMessage, Loading } from '../../layout/Status';
import { usePageTitle } from '../../layout/usePageTitle';
import { AddStatement } from './AddStatement';
import { LiveMap } from './LiveMap';
import { VoteCard } from './VoteCard';
import { useConversation } from './useOpinions';

const VOTE_MINIMUM = 7;

/** A conversation: vote one statement at a time, add one's own, and watch the map; leaders seed and report. */
export function OpinionPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const conversation = useConversation(id);
  usePageTitle(conversation.data?.topic ?? t('opinions.title'));
  if (conversation.isPending) return <Loading />;
  if (conversation.error) return <ErrorMessage error={conversation.error} />;
  const view = conversation.data;
  return (
    <article aria-labelledby="opinion-title">
      <p className="muted">{t('opinions.title')}</p>
      <h1 id="opinion-title">{view.topic}</h1>
      {view.consultationId && <p><Link to={`/consultations/${view.consultationId}`}>{t('consultations.open')}</Link></p>}
      {view.youTakePart && <Progress view={view} />}
      {view.youTakePart && <VoteCard conversationId={id} />}
      {view.youLead && <LeaderLinks id={id} />}
      {(view.youTakePart || view.youLead) && <AddStatement conversationId={id} strict={!!view.strict} seeding={!!view.youLead} />}
      <LiveMap conversationId={id} />
    </article>
  );
}

function Progress({ view }: { view: ConversationView }) {
  const { t } = useTranslation();
  const votes = view.yourVotes ?? 0;
  const shown = view.statementsShown ?? 0;
  const needed = Math.max(0, Math.min(VOTE_MINIMUM, shown) - votes);
  return (
    <div className="progress-block">
      <p role="status">{t('opinions.progress', { votes: votes, count: shown })} {needed > 0 ? t('opinions.toBePlaced', { count: needed }) : t('opinions.placed')}</p>
      <progress max={Math.max(shown, 1)} value={votes} aria-label={t('opinions.progress', { votes: votes, count: shown })} />
    </div>
  );
}

function LeaderLinks({ id }: { id: string }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('opinions.leaders')} className="actions">
      <Link className="button secondary" to={`/opinions/${id}/report`}>{t('opinions.report')}</Link>
      <Link className="button secondary" to="/moderation">{t('opinions.moderate')}</Link>
    </nav>
  );
}
