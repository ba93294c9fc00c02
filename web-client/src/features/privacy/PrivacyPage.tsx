import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { saveAs } from '../../api/download';
import { useAuth } from '../../auth/AuthContext';
import { ErrorMessage, Notice } from '../../layout/Status';
import { usePageTitle } from '../../layout/usePageTitle';
import { PersonPicker } from '../people/PersonPicker';

/** What the trust holds about me, as a privacy notice; the privacy officer also exports a person's data from here. */
const HELD = ['account', 'devices', 'announcements', 'surveys', 'consultations', 'votes', 'audit'] as const;

export function PrivacyPage() {
  const { t } = useTranslation();
  usePageTitle(t('privacy.title'));
  const { session } = useAuth();
  return (
    <section aria-labelledby="privacy-title">
      <h1 id="privacy-title">{t('privacy.title')}</h1>
      <p>{t('privacy.intro')}</p>
      <h2>{t('privacy.heldTitle')}</h2>
      <ul>{HELD.map((what) => <li key={what}>{t(`privacy.held_${what}`)}</li>)}</ul>
      <h2>{t('privacy.protectTitle')}</h2>
      <ul>
        <li>{t('privacy.smallGroups')}</li>
        <li>{t('privacy.moderation')}</li>
        <li>{t('privacy.anonymous')}</li>
      </ul>
      <h2>{t('privacy.rightsTitle')}</h2>
      <p>{t('privacy.rights')}</p>
      <p>{t('privacy.anonymousNotReturned')}</p>
      {session && <MyData />}
      {session?.roles.includes('privacy-officer') && <SubjectAccess />}
    </section>
  );
}

/** Anyone signed in downloads what Chorus holds naming them (the same export as the privacy officer's, audited). */
function MyData() {
  const { t } = useTranslation();
  const { raw } = useApi();
  const exported = useMutation({
    mutationFn: async (zip: boolean) => {
      const response = zip ? await raw('/api/v1/me/data/archive', { headers: { Accept: 'application/zip' } })
        : await raw('/api/v1/me/data', { headers: { Accept: 'application/json' } });
      await saveAs(response, zip ? 'my-chorus-data.zip' : 'my-chorus-data.json');
    },
  });
  return (
    <div className="panel" role="group" aria-labelledby="my-data-title">
      <h2 id="my-data-title">{t('privacy.mineTitle')}</h2>
      <p className="muted">{t('privacy.mineHelp')}</p>
      <button type="button" onClick={() => exported.mutate(false)} disabled={exported.isPending}>{t('privacy.mineDownload')}</button>
      {' '}
      <button type="button" onClick={() => exported.mutate(true)} disabled={exported.isPending}>{t('privacy.mineDownloadZip')}</button>
      {exported.isSuccess && <Notice>{t('privacy.mineDone')}</Notice>}
      {exported.error && <ErrorMessage error={exported.error} />}
    </div>
  );
}

/** The privacy officer answers a subject access request: everything Chorus holds naming one person, as JSON (audited). */
function SubjectAccess() {
  const { t } = useTranslation();
  const { raw } = useApi();
  const [personId, setPersonId] = useState('');
  const exported = useMutation({
    mutationFn: async ({ id, zip }: { id: string; zip: boolean }) => {
      const path = `/api/v1/people/${encodeURIComponent(id)}/data${zip ? '/archive' : ''}`;
      const response = await raw(path, { headers: { Accept: zip ? 'application/zip' : 'application/json' } });
      await saveAs(response, `${id}-data.${zip ? 'zip' : 'json'}`);
      return id;
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const zip = (e.nativeEvent as SubmitEvent).submitter?.getAttribute('value') === 'zip';
    exported.mutate({ id: personId.trim(), zip });
  };
  return (
    <section className="panel" aria-labelledby="sar-title">
      <h2 id="sar-title">{t('privacy.sarTitle')}</h2>
      <p className="muted">{t('privacy.sarHelp')}</p>
      <PersonPicker id="sar-find" label={t('privacy.sarFind')} onPick={(person) => setPersonId(person.id ?? '')} />
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor="sar-person">{t('privacy.sarPerson')}</label>
          <input id="sar-person" value={personId} onChange={(e) => setPersonId(e.target.value)} required pattern="\S+" />
        </div>
        <button type="submit" value="json" disabled={exported.isPending}>{t('privacy.sarDownload')}</button>
        {' '}
        <button type="submit" value="zip" disabled={exported.isPending}>{t('privacy.sarDownloadZip')}</button>
        {exported.isSuccess && <Notice>{t('privacy.sarDone', { person: exported.data })}</Notice>}
        {exported.error && <ErrorMessage error={exported.error} />}
      </form>
    </section>
  );
}
