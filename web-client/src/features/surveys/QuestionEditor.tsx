import type { Question } from '../../api/types';
import { useTranslation } from 'react-i18next';
import { label } from '../../i18n';
import { CHOICE_TYPES, LIKERT_LABELS, QUESTION_TYPES, type QuestionType } from './questionnaire';

interface Props {
  question: Question;
  position: number;
  earlier: Question[];
  onChange: (question: Question) => void;
  onRemove: () => void;
  onMove: (by: -1 | 1) => void;
  last: boolean;
}

/** One question of the builder: type, wording, its choices or range, and when it shows. */
export function QuestionEditor({ question, position, earlier, onChange, onRemove, onMove, last }: Props) {
  const { t } = useTranslation();
  const id = question.id!;
  const set = (patch: Partial<Question>) => onChange({ ...question, ...patch });
  const type = question.type as QuestionType;
  const condition = question.showWhen;
  const source = earlier.find((q) => q.id === condition?.questionId);
  return (
    <fieldset className="panel">
      <legend>{t('surveys.questionNumber', { n: position })}</legend>
      <div className="field">
        <label htmlFor={`${id}-text`}>{t('surveys.questionText')}</label>
        <input id={`${id}-text`} value={question.text ?? ''} onChange={(e) => set({ text: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-type`}>{t('surveys.questionType')}</label>
        <select id={`${id}-type`} value={type} onChange={(e) => set(withType(question, e.target.value as QuestionType))}>
          {QUESTION_TYPES.map((qt) => <option key={qt} value={qt}>{label('questionTypes', qt)}</option>)}
        </select>
      </div>
      <label className="check"><input type="checkbox" checked={!!question.required} onChange={(e) => set({ required: e.target.checked })} />{t('surveys.required')}</label>
      {CHOICE_TYPES.includes(type) && (
        <div className="field">
          <label htmlFor={`${id}-options`}>{t('surveys.options')}</label>
          <textarea id={`${id}-options`} value={(question.options ?? []).map((o) => o.label).join('\n')}
            onChange={(e) => set({ options: e.target.value.split('\n').map((text, i) => ({ id: `o${i + 1}`, label: text })) })} />
        </div>
      )}
      {type === 'NUMBER' && (
        <div className="actions">
          <NumberField id={`${id}-min`} label={t('surveys.min')} value={question.min} onChange={(min) => set({ min })} />
          <NumberField id={`${id}-max`} label={t('surveys.max')} value={question.max} onChange={(max) => set({ max })} />
        </div>
      )}
      {type === 'FREE_TEXT' && (
        <NumberField id={`${id}-maxlength`} label={t('surveys.maxLength')} value={question.maxLength} onChange={(maxLength) => set({ maxLength })} />
      )}
      {type === 'RATING' && (
        <label className="check"><input type="checkbox" checked={!!question.nps} onChange={(e) => set({ nps: e.target.checked })} />{t('surveys.nps')}</label>
      )}
      {earlier.length > 0 && (
        <div className="field">
          <label htmlFor={`${id}-when`}>{t('surveys.condition')}</label>
          <select id={`${id}-when`} value={condition?.questionId ?? ''}
            onChange={(e) => set({ showWhen: e.target.value ? { questionId: e.target.value, anyOf: [] } : undefined })}>
            <option value="">{t('surveys.conditionNone')}</option>
            {earlier.map((q, i) => <option key={q.id} value={q.id}>{t('surveys.questionNumber', { n: i + 1 })}: {q.text}</option>)}
          </select>
        </div>
      )}
      {source && (
        CHOICE_TYPES.includes(source.type as QuestionType) || source.type === 'LIKERT' ? (
          <fieldset>
            <legend>{t('surveys.conditionEquals')} {t('surveys.anyOf')}</legend>
            {(source.options ?? []).map((option) => (
              <label key={option.id} className="check">
                <input type="checkbox" checked={(condition?.anyOf ?? []).includes(option.id!)}
                  onChange={(e) => set({ showWhen: { questionId: source.id, anyOf: toggled(condition?.anyOf ?? [], option.id!, e.target.checked) } })} />
                {option.label}
              </label>
            ))}
          </fieldset>
        ) : (
          <div className="field">
            <label htmlFor={`${id}-values`}>{t('surveys.conditionEquals')} <span className="hint">{t('surveys.conditionValueHelp')}</span></label>
            <input id={`${id}-values`} value={(condition?.anyOf ?? []).join(', ')}
              onChange={(e) => set({ showWhen: { questionId: source.id, anyOf: e.target.value.split(',').map((v) => v.trim()).filter(Boolean) } })} />
          </div>
        )
      )}
      <div className="actions">
        <button type="button" className="secondary" disabled={position === 1} onClick={() => onMove(-1)}>{t('surveys.moveUp', { n: position })}</button>
        <button type="button" className="secondary" disabled={last} onClick={() => onMove(1)}>{t('surveys.moveDown', { n: position })}</button>
        <button type="button" className="secondary" onClick={onRemove}>{t('surveys.removeQuestion', { n: position })}</button>
      </div>
    </fieldset>
  );
}

function NumberField({ id, label: text, value, onChange }: { id: string; label: string; value?: number; onChange: (v: number | undefined) => void }) {
  return (
    <div className="field">
      <label htmlFor={id}>{text}</label>
      <input id={id} type="number" value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))} />
    </div>
  );
}

function toggled(list: string[], value: string, on: boolean): string[] {
  return on ? [...new Set([...list, value])] : list.filter((v) => v !== value);
}

/** Changing the type resets what no longer applies and fills in what the new type needs. */
export function withType(question: Question, type: QuestionType): Question {
  const base: Question = { id: question.id, type, text: question.text, required: question.required, showWhen: question.showWhen };
  if (CHOICE_TYPES.includes(type)) return { ...base, options: question.options?.length ? question.options : [{ id: 'o1', label: '' }] };
  if (type === 'LIKERT') return { ...base, options: LIKERT_LABELS.map((text, i) => ({ id: String(i + 1), label: text })) };
  if (type === 'NUMBER') return { ...base, min: 0, max: 100 };
  if (type === 'FREE_TEXT') return { ...base, maxLength: 2000 };
  if (type === 'RATING') return { ...base, nps: false };
  return base;
}
