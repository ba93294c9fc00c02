import { useTranslation } from 'react-i18next';
import { useRef, useState } from 'react';


export interface Choice { id: string; label: string }

/**
 * Ranks options best first with buttons only (add, move up, move down, remove): every step works from the keyboard
 * and by touch, and each move is announced; no dragging is needed.
 */
export function RankingInput({ options, value, onChange }: { options: Choice[]; value: string[]; onChange: (ranking: string[]) => void }) {
  const { t } = useTranslation();
  const [said, setSaid] = useState('');
  const list = useRef<HTMLOListElement>(null);
  const labelOf = (id: string) => options.find((o) => o.id === id)?.label ?? id;
  const unranked = options.filter((o) => !value.includes(o.id));

  const move = (index: number, by: number) => {
    const next = [...value];
    const [id] = next.splice(index, 1);
    next.splice(index + by, 0, id);
    onChange(next);
    setSaid(`${labelOf(id)}: ${index + by + 1} of ${next.length}`);
    // keep the focus on the moved option's same button, so repeated presses keep moving it
    const button = by < 0 ? 'up' : 'down';
    requestAnimationFrame(() => list.current?.querySelector<HTMLButtonElement>(`[data-option="${id}"][data-move="${button}"]:not([disabled])`)?.focus());
  };

  return (
    <div className="ranking">
      <p className="hint">{t('decisions.rankingHelp')}</p>
      <h3 id="ranking-title">{t('decisions.yourRanking')}</h3>
      {value.length === 0 ? <p className="muted">{t('decisions.rankingRequired')}</p> : (
        <ol ref={list} aria-labelledby="ranking-title" className="ranked">
          {value.map((id, i) => (
            <li key={id}>
              <span className="ranked-label">{labelOf(id)}</span>
              <span className="ranked-buttons">
                <button type="button" className="secondary" data-option={id} data-move="up" disabled={i === 0}
                  aria-label={t('decisions.moveUp', { option: labelOf(id) })} onClick={() => move(i, -1)}>↑</button>
                <button type="button" className="secondary" data-option={id} data-move="down" disabled={i === value.length - 1}
                  aria-label={t('decisions.moveDown', { option: labelOf(id) })} onClick={() => move(i, 1)}>↓</button>
                <button type="button" className="secondary" aria-label={t('decisions.remove', { option: labelOf(id) })}
                  onClick={() => { onChange(value.filter((v) => v !== id)); setSaid(t('decisions.remove', { option: labelOf(id) })); }}>✕</button>
              </span>
            </li>
          ))}
        </ol>
      )}
      {unranked.length > 0 && (
        <>
          <h3 id="unranked-title">{t('decisions.notRanked')}</h3>
          <ul aria-labelledby="unranked-title" className="unranked">
            {unranked.map((o) => (
              <li key={o.id}>
                <button type="button" className="secondary" onClick={() => { onChange([...value, o.id]); setSaid(`${o.label}: ${value.length + 1}`); }}>
                  {t('decisions.add', { option: o.label })}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <p role="status" aria-live="polite" className="sr-only">{said}</p>
    </div>
  );
}
