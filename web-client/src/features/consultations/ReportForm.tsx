import { useTranslation } from 'react-i18next';
import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { ErrorMessage, Notice } from '../../layout/Status';

/** "Report" opens a short form asking why; three people's reports hide the item until a moderator reviews it. */
export function ReportForm({ send, what }: { send: (reason: string) => Promise<unknown>; what: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const id = useId();
  const report = useMutation({ mutationFn: () => send(reason.trim()), onSuccess: () => setOpen(false) });
  if (report.isSuccess) return <Notice>{t('consultations.reported')}</Notice>;
  if (!open) {
    return (
      <button type="button" className="secondary" onClick={() => setOpen(true)} aria-label={`${t('consultations.report')}: ${what}`}>
        {t('consultations.report')}
      </button>
    );
  }
  const submit = (event: FormEvent) => { event.preventDefault(); report.mutate(); };
  return (
    <form onSubmit={submit}>
      <div className="field">
        <label htmlFor={id}>{t('consultations.reportReason')}</label>
        <textarea id={id} value={reason} onChange={(e) => setReason(e.target.value)} required />
      </div>
      <div className="actions">
        <button type="submit" disabled={!reason.trim() || report.isPending}>{t('consultations.sendReport')}</button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>{t('consultations.cancel')}</button>
      </div>
      {report.error && <ErrorMessage error={report.error} />}
    </form>
  );
}
