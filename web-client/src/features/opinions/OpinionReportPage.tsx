import { useTranslation } from 'react-i18next';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useApi } from '../../api/ApiContext';
import type { OpinionReport } from '../../api/types';
import { ErrorMessage, Loading } from '../../layout/Status';
import { usePageTitle } from '../../layout/usePageTitle';
import { AddStatement } from './AddStatement';
import { useConversation, useOpinionReport } from './useOpinions';

/** The leaders' report for the outcome: participation, the groups in words, consensus, the api's picture of the map. */
export function OpinionReportPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const report = useOpinionReport(id);
  const conversation = useConversation(id);
  usePageTitle(t('opinions.report'));
  if (report.isPending) return <Loading />;
  if (report.error) return <ErrorMessage error={report.error} />;
  const data = report.data;
  return (
    <article aria-labelledby="report-title">
      <p className="muted">{t('opinions.report')}</p>
      <h1 id="report-title">{data.topic}</h1>
      <nav className="actions" aria-label={t('opinions.leaders')}>
        <Link className="button secondary" to={`/opinions/${id}`}>{t('opinions.seeMap')}</Link>
        <Link className="button secondary" to="/moderation">{t('opinions.moderate')}</Link>
      </nav>
      <Participation report={data} />
      <section aria-labelledby="report-groups">
        <h2 id="report-groups">{t('opinions.groups')}</h2>
        {(data.groups ?? []).length === 0 && <p>{t('opinions.mapEmpty')}</p>}
        {(data.groups ?? []).map((group) => <p key={group.label}>{group.summary}</p>)}
      </section>
      <section aria-labelledby="report-consensus">
        <h2 id="report-consensus">{t('opinions.consensus')}</h2>
        <Refs title={t('opinions.consensusAgree')} items={data.consensusAgree} />
        <Refs title={t('opinions.consensusDisagree')} items={data.consensusDisagree} />
      </section>
      {data.pictureUrl && <Picture url={data.pictureUrl} topic={data.topic ?? ''} />}
      {conversation.data?.youLead && <AddStatement conversationId={id} strict={!!conversation.data.strict} seeding />}
    </article>
  );
}

function Participation({ report }: { report: OpinionReport }) {
  const { t } = useTranslation();
  const p = report.participation ?? {};
  return (
    <section aria-labelledby="report-participation" className="panel">
      <h2 id="report-participation">{t('opinions.participation')}</h2>
      <dl className="facts">
        <dt>{t('opinions.peopleWhoVoted')}</dt><dd>{p.participants ?? 0}</dd>
        <dt>{t('opinions.placedLabel')}</dt><dd>{p.placed ?? 0}</dd>
        <dt>{t('opinions.votes')}</dt><dd>{p.votes ?? 0}</dd>
        <dt>{t('opinions.statementsShown')}</dt><dd>{p.statementsShown ?? 0}</dd>
        <dt>{t('opinions.statementsOut')}</dt><dd>{p.statementsModeratedOut ?? 0}</dd>
      </dl>
    </section>
  );
}

function Refs({ title, items }: { title: string; items?: { id?: string; text?: string }[] }) {
  const { t } = useTranslation();
  return (
    <>
      <h3>{title}</h3>
      {(items ?? []).length === 0 ? <p className="muted">{t('opinions.consensusEmpty')}</p>
        : <ul>{(items ?? []).map((item) => <li key={item.id}>{item.text}</li>)}</ul>}
    </>
  );
}

/** The api's SVG (fetched with the bearer token), shown as an image and offered as a download for the export. */
function Picture({ url, topic }: { url: string; topic: string }) {
  const { t } = useTranslation();
  const { raw } = useApi();
  const [src, setSrc] = useState<string>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    let objectUrl: string | undefined;
    raw(url, { headers: { Accept: 'image/svg+xml' } })
      .then((response) => response.blob())
      .then((blob) => { objectUrl = URL.createObjectURL(blob); setSrc(objectUrl); })
      .catch(setError);
    return () => { if (objectUrl) URL.revokeObjectURL(objectUrl); };
  }, [raw, url]);
  return (
    <section aria-labelledby="report-picture">
      <h2 id="report-picture">{t('opinions.map')}</h2>
      {error ? <ErrorMessage error={error} /> : null}
      {src && (
        <>
          <img src={src} alt={`${t('opinions.pictureAlt')}: ${topic}`} className="opinion-map" />
          <p><a className="button secondary" href={src} download="opinion-map.svg">{t('opinions.download')}</a></p>
        </>
      )}
    </section>
  );
}
