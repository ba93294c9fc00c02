import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useMutation } from '@tanstack/react-query';
import { useApi } from '../../api/ApiContext';
import { idempotencyKey, ok } from '../../api/client';
import { useMe, useSchools } from '../../api/hooks';
import type { AnnouncementInput, AnnouncementView, Audience, Priority } from '../../api/types';
import { useTranslation } from 'react-i18next';
import { ANNOUNCEMENT_LANGUAGES, formatDateTime, label } from '../../i18n';
import { ErrorMessage, Notice } from '../../layout/Status';
import { usePageTitle } from '../../layout/usePageTitle';
import { useAuth } from '../../auth/AuthContext';
import { AudiencePicker, isComplete, useReachPreview } from './AudiencePicker';
import { audienceChoices } from './audienceChoices';
import { CarerPreview } from './CarerPreview';

const PRIORITIES: Priority[] = ['NORMAL', 'IMPORTANT', 'URGENT'];

export interface Translation { title: string; body: string }
interface LinkRow { title: string; url: string }

/** Write an announcement: who it reaches (with a live count), how loudly, in which languages; preview; send. */
export function ComposePage() {
  const { t } = useTranslation();
  usePageTitle(t('compose.title'));
  const { api } = useApi();
  const me = useMe();
  const { schools } = useSchools();
  const { session } = useAuth();
  const trustWide = !!me.data?.trustWide;
  const choices = audienceChoices(me.data, session?.roles ?? [], schools);
  const [schoolId, setSchoolId] = useState<string>('');
  const [audience, setAudience] = useState<Audience>({ scope: 'SCHOOLS', ids: [], roles: ['CARERS'] });
  const [priority, setPriority] = useState<Priority>('NORMAL');
  const [requiresAck, setRequiresAck] = useState(false);
  const [later, setLater] = useState(false);
  const [publishAt, setPublishAt] = useState('');
  const [adaptable, setAdaptable] = useState(false);
  const [translations, setTranslations] = useState<Record<string, Translation>>({ en: { title: '', body: '' } });
  const [links, setLinks] = useState<LinkRow[]>([]);
  const [files, setFiles] = useState<File[]>([]);
  const [previewLanguage, setPreviewLanguage] = useState('en');
  const [errors, setErrors] = useState<string[]>([]);
  const [key] = useState(idempotencyKey);
  const [confirming, setConfirming] = useState(false);
  const reach = useReachPreview(audience);
  const forApproval = !!reach.data?.needsApproval;
  const firstScope = choices.scopes[0];
  // A teacher may address only their classes: start the picker on a scope they may use.
  useEffect(() => {
    if (firstScope && !choices.scopes.includes(audience.scope!)) setAudience((a) => ({ ...a, scope: firstScope, ids: [] }));
  }, [firstScope, choices.scopes, audience.scope]);

  const speaker = schoolId || (trustWide ? '' : me.data?.leadsSchools?.[0] ?? me.data?.schools?.[0]?.id ?? '');
  const send = useMutation({
    mutationFn: async (input: AnnouncementInput): Promise<AnnouncementView> => {
      const draft = await ok(api.POST('/api/v1/announcements', { body: input, params: { header: { 'Idempotency-Key': key } } }));
      for (const file of files) {
        await ok(api.POST('/api/v1/announcements/{id}/attachments', {
          params: { path: { id: draft.id! }, query: { filename: file.name } },
          body: file as never,
          bodySerializer: (body: unknown) => body as Blob,
          headers: { 'Content-Type': file.type || 'application/octet-stream' },
        }));
      }
      return ok(api.POST('/api/v1/announcements/{id}/submit', { params: { path: { id: draft.id! } } }));
    },
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const problems: string[] = [];
    if (!translations.en.title.trim()) problems.push(t('compose.titleRequired'));
    if (!translations.en.body.trim()) problems.push(t('compose.bodyRequired'));
    if (!isComplete(audience)) problems.push(t('compose.audienceRequired'));
    setErrors(problems);
    if (problems.length) return;
    // Publishing reaches people at once (or at the scheduled time): say how many first. Approval is its own check.
    if (!forApproval) setConfirming(true); else publish();
  };

  const publish = () => {
    setConfirming(false);
    send.mutate({
      schoolId: speaker || undefined,
      audience,
      priority,
      requiresAcknowledgement: requiresAck,
      defaultLanguage: 'en',
      translations,
      links: links.filter((link) => link.url.trim()),
      publishAt: later && publishAt ? new Date(publishAt).toISOString() : undefined,
      trustWide: !speaker && trustWide ? { mode: adaptable ? 'ADAPTABLE' : 'IDENTICAL', allowDecline: false } : undefined,
    });
  };

  if (send.data) return <Sent view={send.data} />;
  const setTranslation = (lang: string, part: Partial<Translation>) =>
    setTranslations((all) => ({ ...all, [lang]: { ...all[lang], ...part } }));
  const extra = Object.keys(translations).filter((lang) => lang !== 'en');

  return (
    <section aria-labelledby="compose-title">
      <h1 id="compose-title">{t('compose.title')}</h1>
      {errors.length > 0 && (
        <div role="alert" className="error"><p>{t('errors.validation')}</p><ul>{errors.map((e) => <li key={e}>{e}</li>)}</ul></div>
      )}
      <div className="split">
        <form onSubmit={onSubmit} noValidate>
          <div className="field">
            <label htmlFor="speaker">{t('compose.school')}</label>
            <select id="speaker" value={speaker} onChange={(e) => setSchoolId(e.target.value)}>
              {trustWide && <option value="">{t('compose.trustVoice')}</option>}
              {schools.filter((s) => trustWide || (me.data?.leadsSchools ?? []).includes(s.id!) || (me.data?.schools ?? []).some((m) => m.id === s.id))
                .map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </select>
          </div>
          {!speaker && trustWide && (
            <label className="check"><input type="checkbox" checked={adaptable} onChange={(e) => setAdaptable(e.target.checked)} />{t('announcements.adapt')}</label>
          )}
          <div className="field">
            <label htmlFor="title-en">{t('compose.titleLabel')}</label>
            <input id="title-en" value={translations.en.title} aria-invalid={errors.includes(t('compose.titleRequired'))}
              onChange={(e) => setTranslation('en', { title: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor="body-en">{t('compose.bodyLabel')} <span className="hint" id="body-hint">{t('compose.bodyHelp')}</span></label>
            <textarea id="body-en" aria-describedby="body-hint" value={translations.en.body} aria-invalid={errors.includes(t('compose.bodyRequired'))}
              onChange={(e) => setTranslation('en', { body: e.target.value })} />
          </div>
          {me.isSuccess && choices.scopes.length === 0 && <p role="alert" className="error">{t('compose.nothingToAddress')}</p>}
          <AudiencePicker value={audience} onChange={(next) => { setAudience(next); setConfirming(false); }} choices={choices} reach={reach} />
          <fieldset>
            <legend>{t('priority.label')}</legend>
            <p className="hint" id="priority-hint">{t('priority.help')}</p>
            {PRIORITIES.map((p) => (
              <label key={p} className="check">
                <input type="radio" name="priority" value={p} checked={priority === p} aria-describedby="priority-hint" onChange={() => setPriority(p)} />
                {label('priority', p)}
              </label>
            ))}
          </fieldset>
          <label className="check"><input type="checkbox" checked={requiresAck} onChange={(e) => setRequiresAck(e.target.checked)} />{t('compose.requiresAck')}</label>
          <label className="check"><input type="checkbox" checked={later} onChange={(e) => setLater(e.target.checked)} />{t('compose.schedule')}</label>
          {later && (
            <div className="field">
              <label htmlFor="publish-at">{t('compose.scheduleAt')}</label>
              <input id="publish-at" type="datetime-local" value={publishAt} onChange={(e) => setPublishAt(e.target.value)} />
            </div>
          )}
          <fieldset>
            <legend>{t('compose.translations')}</legend>
            {extra.map((lang) => (
              <div key={lang} className="panel">
                <div className="field">
                  <label htmlFor={`title-${lang}`}>{t('compose.translatedTitle', { lang: label('languages', lang) })}</label>
                  <input id={`title-${lang}`} value={translations[lang].title} onChange={(e) => setTranslation(lang, { title: e.target.value })} />
                </div>
                <div className="field">
                  <label htmlFor={`body-${lang}`}>{t('compose.translatedBody', { lang: label('languages', lang) })}</label>
                  <textarea id={`body-${lang}`} value={translations[lang].body} onChange={(e) => setTranslation(lang, { body: e.target.value })} />
                </div>
                <button type="button" className="secondary" onClick={() => setTranslations(({ [lang]: _, ...rest }) => rest)}>
                  {t('compose.removeTranslation', { lang: label('languages', lang) })}
                </button>
              </div>
            ))}
            <div className="field">
              <label htmlFor="add-language">{t('compose.addTranslation')}</label>
              <select id="add-language" value="" onChange={(e) => e.target.value && setTranslation(e.target.value, { title: '', body: '' })}>
                <option value="">{t('compose.language')}</option>
                {ANNOUNCEMENT_LANGUAGES.filter((lang) => !(lang in translations)).map((lang) => <option key={lang} value={lang}>{label('languages', lang)}</option>)}
              </select>
            </div>
          </fieldset>
          <fieldset>
            <legend>{t('compose.attachments')}</legend>
            <div className="field">
              <label htmlFor="files">{t('compose.attachments')}</label>
              <input id="files" type="file" multiple accept="application/pdf,image/*" onChange={(e) => setFiles([...(e.target.files ?? [])])} />
            </div>
            <p className="hint">{t('compose.attachmentHelp')}</p>
            {links.map((link, i) => (
              <div key={i} className="panel">
                <div className="field">
                  <label htmlFor={`link-title-${i}`}>{t('compose.attachmentName')}</label>
                  <input id={`link-title-${i}`} value={link.title} onChange={(e) => setLinks(links.map((l, j) => (j === i ? { ...l, title: e.target.value } : l)))} />
                </div>
                <div className="field">
                  <label htmlFor={`link-url-${i}`}>{t('compose.attachmentUrl')}</label>
                  <input id={`link-url-${i}`} type="url" value={link.url} onChange={(e) => setLinks(links.map((l, j) => (j === i ? { ...l, url: e.target.value } : l)))} />
                </div>
              </div>
            ))}
            <button type="button" className="secondary" onClick={() => setLinks([...links, { title: '', url: '' }])}>{t('compose.addAttachment')}</button>
          </fieldset>
          {send.error && <ErrorMessage error={send.error} />}
          {confirming ? (
            <ConfirmPublish people={reach.data?.people} later={later && !!publishAt} onConfirm={publish} onCancel={() => setConfirming(false)} />
          ) : (
            <div className="actions">
              <button type="submit" disabled={send.isPending}>{forApproval ? t('compose.submitForApproval') : t('compose.submit')}</button>
            </div>
          )}
        </form>
        <aside aria-labelledby="preview-title">
          <h2 id="preview-title">{t('compose.preview')}</h2>
          <div className="field">
            <label htmlFor="preview-language">{t('compose.previewLanguage')}</label>
            <select id="preview-language" value={previewLanguage in translations ? previewLanguage : 'en'} onChange={(e) => setPreviewLanguage(e.target.value)}>
              {Object.keys(translations).map((lang) => <option key={lang} value={lang}>{label('languages', lang)}</option>)}
            </select>
          </div>
          <CarerPreview content={translations[previewLanguage] ?? translations.en} priority={priority} requiresAck={requiresAck}
            from={speaker ? schools.find((s) => s.id === speaker)?.name ?? speaker : t('feed.trust')} />
        </aside>
      </div>
    </section>
  );
}

interface ConfirmProps { people?: number; later: boolean; onConfirm: () => void; onCancel: () => void }

/** The last check before a post reaches people: how many, and now or later. */
function ConfirmPublish({ people, later, onConfirm, onCancel }: ConfirmProps) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const count = people === undefined ? undefined : Number(people);
  return (
    <div role="alertdialog" aria-labelledby="confirm-title" aria-describedby="confirm-body" className="panel confirm">
      <h2 id="confirm-title" ref={heading} tabIndex={-1}>{t('compose.confirmTitle')}</h2>
      <p id="confirm-body">{later
        ? (count === undefined ? t('compose.confirmLaterEveryone') : t('compose.confirmLater', { count }))
        : (count === undefined ? t('compose.confirmNowEveryone') : t('compose.confirmNow', { count }))}</p>
      <div className="actions">
        <button type="button" onClick={onConfirm}>{count === undefined ? t('compose.confirmPublishEveryone') : t('compose.confirmPublish', { count })}</button>
        <button type="button" className="secondary" onClick={onCancel}>{t('compose.confirmCancel')}</button>
      </div>
    </div>
  );
}

function Sent({ view }: { view: AnnouncementView }) {
  const { t } = useTranslation();
  let message: string = t('compose.published');
  if (view.status === 'PENDING_APPROVAL') message = t('compose.sentForApproval');
  if (view.status === 'SCHEDULED') message = t('compose.scheduled', { when: formatDateTime(view.publishAt) });
  return (
    <section>
      <h1>{t('compose.title')}</h1>
      <Notice>{message}</Notice>
      <p><Link to={`/announcements/${view.id}/reach`}>{t('announcements.reach')}</Link></p>
      <p><Link to="/announcements">{t('nav.announcements')}</Link></p>
    </section>
  );
}
