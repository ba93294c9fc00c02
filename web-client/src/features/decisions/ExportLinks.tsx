import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { useApi } from '../../api/ApiContext';
import type { DecisionDetails } from '../../api/types';
import { saveAs } from '../../api/download';
import { ErrorMessage } from '../../layout/Status';

/** The closed ranked vote as RCTab's two files, so anyone can recount it. */
export function ExportLinks({ decision }: { decision: DecisionDetails }) {
  const { t } = useTranslation();
  const { raw } = useApi();
  const [error, setError] = useState<unknown>();
  const download = async (file: 'ballots.csv' | 'config.json') => {
    try {
      const response = await raw(`/api/v1/decisions/${encodeURIComponent(decision.id ?? '')}/export/${file}`);
      await saveAs(response, file);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section aria-labelledby="export-title">
      <h2 id="export-title">{t('decisions.export')}</h2>
      <p className="hint">{t('decisions.exportHelp')}</p>
      <div className="actions">
        <button type="button" className="secondary" onClick={() => void download('ballots.csv')}>{t('decisions.exportBallots')}</button>
        <button type="button" className="secondary" onClick={() => void download('config.json')}>{t('decisions.exportConfig')}</button>
      </div>
      {error !== undefined && <ErrorMessage error={error} />}
    </section>
  );
}
