import type { ReactElement } from 'react';
import type { Question } from '../../api/types';
import { useTranslation } from 'react-i18next';
import type { Answer } from './questionnaire';

/** The input for one question, labelled by the question itself. */
export function AnswerField({ question, value, onChange }: { question: Question; value: Answer; onChange: (value: Answer) => void }) {
  const { t } = useTranslation();
  const id = `answer-${question.id}`;
  const options = question.options ?? [];
  const legend = <legend>{question.text}{question.required && <span className="hint"> ({t('answer.required')})</span>}</legend>;
  switch (question.type) {
    case 'SINGLE_CHOICE':
    case 'LIKERT':
      return (
        <fieldset>
          {legend}
          {options.map((option) => (
            <label key={option.id} className="check">
              <input type="radio" name={id} checked={String(value) === option.id}
                onChange={() => onChange(question.type === 'LIKERT' ? Number(option.id) : option.id)} />
              {option.label}
            </label>
          ))}
        </fieldset>
      );
    case 'MULTIPLE_CHOICE': {
      const picked = Array.isArray(value) ? value : [];
      return (
        <fieldset>
          {legend}
          {options.map((option) => (
            <label key={option.id} className="check">
              <input type="checkbox" checked={picked.includes(option.id!)}
                onChange={(e) => onChange(e.target.checked ? [...picked, option.id!] : picked.filter((p) => p !== option.id))} />
              {option.label}
            </label>
          ))}
        </fieldset>
      );
    }
    case 'RATING':
      return (
        <fieldset>
          {legend}
          <p className="hint">{t('answer.ratingLow')}; {t('answer.ratingHigh')}</p>
          <div className="actions">
            {Array.from({ length: 11 }, (_, n) => (
              <label key={n} className="check"><input type="radio" name={id} checked={value === n} onChange={() => onChange(n)} />{n}</label>
            ))}
          </div>
        </fieldset>
      );
    case 'RANKING':
      return <Ranking question={question} value={Array.isArray(value) ? value : []} onChange={onChange} legend={legend} />;
    case 'NUMBER':
      return (
        <div className="field">
          <label htmlFor={id}>{question.text}</label>
          <input id={id} type="number" aria-required={question.required} min={question.min} max={question.max} step="0.01" value={value === undefined ? '' : String(value)}
            onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))} />
        </div>
      );
    default:
      return (
        <div className="field">
          <label htmlFor={id}>{question.text}</label>
          <textarea id={id} aria-required={question.required} maxLength={question.maxLength} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value)} />
        </div>
      );
  }
}

/** Ranking as a place number per option (keyboard and screen-reader friendly, unlike drag and drop). */
function Ranking({ question, value, onChange, legend }: { question: Question; value: string[]; onChange: (v: Answer) => void; legend: ReactElement }) {
  const { t } = useTranslation();
  const options = question.options ?? [];
  const place = (optionId: string) => value.indexOf(optionId) + 1;
  const setPlace = (optionId: string, to: number) => {
    const rest = value.filter((v) => v !== optionId);
    if (to > 0) rest.splice(Math.min(to - 1, rest.length), 0, optionId);
    onChange(rest);
  };
  return (
    <fieldset>
      {legend}
      <p className="hint">{t('answer.rankingHelp')}</p>
      {options.map((option) => (
        <div key={option.id} className="field">
          <label htmlFor={`rank-${question.id}-${option.id}`}>{t('answer.rank', { option: option.label ?? '' })}</label>
          <select id={`rank-${question.id}-${option.id}`} value={place(option.id!)} onChange={(e) => setPlace(option.id!, Number(e.target.value))}>
            <option value={0}>–</option>
            {options.map((_, i) => <option key={i} value={i + 1}>{i + 1}</option>)}
          </select>
        </div>
      ))}
    </fieldset>
  );
}
