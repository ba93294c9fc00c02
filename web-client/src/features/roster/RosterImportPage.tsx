import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { useSchools } from '../../api/hooks';
import { ErrorMessage } from '../../layout/Status';
import { usePageTitle } from '../../layout/usePageTitle';
import { readJsonLines, type ImportProblem, type ImportReport } from './rosterImport';

type Step = 'choose' | 'checking' | 'checked' | 'importing' | 'done';

/**
 * The trust administrator's roster import: upload the MIS export (one zip or the CSV files), read the dry run's
 * report per school with every problem, then confirm; progress shows while the api works.
 */
export function RosterImportPage() {
  const { t } = useTranslation();
  usePageTitle(t('roster.title'));
  const { raw } = useApi();
  const [files, setFiles] = useState<File[]>([]);
  const [step, setStep] = useState<Step>('choose');
  const [progress, setProgress] = useState<string[]>([]);
  const [report, setReport] = useState<ImportReport>();
  const [problem, setProblem] = useState<ImportProblem>();
  const [failure, setFailure] = useState<unknown>();
  const [confirmDeletions, setConfirmDeletions] = useState(false);

  const send = async (dryRun: boolean) => {
    setStep(dryRun ? 'checking' : 'importing');
    setProgress([]); setProblem(undefined); setFailure(undefined);
    if (dryRun) setReport(undefined);
    const form = new FormData();
    files.forEach((file) => form.append('files', file, file.name));
    const query = `dryRun=${dryRun}${confirmDeletions ? '&confirmDeletions=true' : ''}`;
    try {
      const response = await raw(`/api/v1/directory/imports?${query}`, { method: 'POST', body: form, headers: { Accept: 'application/x-ndjson' } });
      if (!response.ok) throw new Error((await response.json().catch(() => ({}))).detail ?? String(response.status));
      let answered = false;
      await readJsonLines(response, (line) => {
        if ('progress' in line) setProgress((lines) => [...lines, line.progress]);
        if ('report' in line) { answered = true; setReport(line.report); setStep(dryRun ? 'checked' : 'done'); }
        if ('problem' in line) { answered = true; setProblem(line.problem); setStep(dryRun ? 'choose' : 'checked'); }
      });
      if (!answered) setStep(dryRun ? 'choose' : 'checked');
    } catch (error) {
      setFailure(error); setStep(dryRun ? 'choose' : 'checked');
    }
  };
  const check = (event: FormEvent) => { event.preventDefault(); void send(true); };
  const busy = step === 'checking' || step === 'importing';
  return (
    <section aria-labelledby="roster-title">
      <h1 id="roster-title">{t('roster.title')}</h1>
      <p>{t('roster.intro')}</p>
      <form onSubmit={check}>
        <div className="field">
          <label htmlFor="roster-files">{t('roster.files')}</label>
          <input id="roster-files" type="file" multiple accept=".zip,.csv" aria-describedby="roster-files-help"
            onChange={(e) => { setFiles([...(e.target.files ?? [])]); setStep('choose'); setReport(undefined); }} />
          <p id="roster-files-help" className="hint">{t('roster.filesHelp')}</p>
        </div>
        <button type="submit" disabled={!files.length || busy}>{t('roster.check')}</button>
      </form>
      {progress.length > 0 && <ul className="muted" role="status" aria-label={t('roster.progress')}>{progress.map((line, i) => <li key={i}>{line}</li>)}</ul>}
      {failure !== undefined && <ErrorMessage error={failure} />}
      {problem && <Problems problem={problem} />}
      {report && <Report report={report} />}
      {step === 'checked' && (
        <div className="panel">
          {!!report?.largeDeletions?.length && (
            <label className="check">
              <input type="checkbox" checked={confirmDeletions} onChange={(e) => setConfirmDeletions(e.target.checked)} />
              {t('roster.confirmDeletions', { count: report.largeDeletions.reduce((n, d) => n + Number(d.deleted ?? 0), 0) })}
            </label>
          )}
          <button type="button" onClick={() => void send(false)}>{t('roster.import')}</button>
        </div>
      )}
      {step === 'done' && <p role="status" className="notice">{t('roster.done')}</p>}
    </section>
  );
}

function Problems({ problem }: { problem: ImportProblem }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="error">
      <p>{problem.detail}</p>
      {!!problem.problems?.length && (
        <div className="table-wrap">
          <table>
            <caption>{t('roster.problems', { count: problem.problemCount ?? problem.problems.length })}</caption>
            <thead><tr><th scope="col">{t('roster.file')}</th><th scope="col">{t('roster.line')}</th><th scope="col">{t('roster.problem')}</th><th scope="col">{t('roster.fix')}</th></tr></thead>
            <tbody>{problem.problems.map((p, i) => <tr key={i}><td>{p.file}</td><td>{p.line}</td><td>{[p.column, p.problem].filter(Boolean).join(': ')}</td><td>{p.fix}</td></tr>)}</tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function Report({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const { nameOf } = useSchools();
  const kinds = Object.keys(report.changes ?? {});
  const cells = (counts?: { created?: number; updated?: number; deleted?: number; unchanged?: number }) =>
    (['created', 'updated', 'deleted', 'unchanged'] as const).map((k) => <td key={k}>{counts?.[k] ?? 0}</td>);
  const head = <tr><th scope="col">{t('roster.kind')}</th><th scope="col">{t('roster.created')}</th><th scope="col">{t('roster.updated')}</th><th scope="col">{t('roster.deleted')}</th><th scope="col">{t('roster.unchanged')}</th></tr>;
  return (
    <>
      <h2>{report.dryRun ? t('roster.dryRunTitle') : t('roster.importedTitle')}</h2>
      <p>{t('roster.rows', { count: Number(report.rows ?? 0) })}</p>
      <div className="table-wrap">
        <table data-testid="roster-changes">
          <caption>{t('roster.changes')}</caption>
          <thead>{head}</thead>
          <tbody>{kinds.map((kind) => <tr key={kind}><th scope="row">{kind}</th>{cells(report.changes?.[kind])}</tr>)}</tbody>
        </table>
      </div>
      {Object.entries(report.schools ?? {}).map(([school, byKind]) => (
        <div className="table-wrap" key={school}>
          <table>
            <caption>{nameOf(school) || school}</caption>
            <thead>{head}</thead>
            <tbody>{Object.entries(byKind).map(([kind, counts]) => <tr key={kind}><th scope="row">{kind}</th>{cells(counts)}</tr>)}</tbody>
          </table>
        </div>
      ))}
      {!!report.outdated?.length && (
        <div className="table-wrap">
          <table>
            <caption>{t('roster.outdated', { count: report.outdated.length })}</caption>
            <thead><tr><th scope="col">{t('roster.file')}</th><th scope="col">{t('roster.line')}</th><th scope="col">sourcedId</th><th scope="col">{t('roster.rowChangedAt')}</th><th scope="col">{t('roster.storedChangedAt')}</th></tr></thead>
            <tbody>{report.outdated.map((row, i) => <tr key={i}><td>{row.file}</td><td>{row.line}</td><td>{row.sourcedId}</td><td>{row.dateLastModified}</td><td>{row.storedDateLastModified}</td></tr>)}</tbody>
          </table>
        </div>
      )}
    </>
  );
}
