import { useState, type FormEvent } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { ok } from '../../api/client';
import type { PersonMatch } from '../../api/types';
import { ErrorMessage, Loading } from '../../layout/Status';

type Kind = 'carer' | 'pupil' | 'staff';
type Page = { items?: PersonMatch[]; next?: string | null };

/**
 * Staff find a person of their schools by name (at least two letters; case and accents do not matter) and pick one
 * from the list; more names come a page at a time. Only the caller's schools' people are ever listed (the api sees to it).
 */
export function PersonPicker({ id, kind, label, onPick }: { id: string; kind?: Kind; label: string; onPick: (person: PersonMatch) => void }) {
  const { t } = useTranslation();
  const { api } = useApi();
  const [typed, setTyped] = useState('');
  const [name, setName] = useState('');
  const found = useInfiniteQuery({
    queryKey: ['people', kind ?? '', name],
    enabled: name.length >= 2,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => ok(api.GET('/api/v1/people', {
      params: { query: { name, kind, cursor: pageParam, limit: 10 } },
    })) as Promise<Page>,
    getNextPageParam: (last) => last.next ?? undefined,
  });
  const people = found.data?.pages.flatMap((page) => page.items ?? []) ?? [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setName(typed.trim());
  };
  return (
    <div className="person-picker">
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor={id}>{label}</label>
          <input id={id} value={typed} onChange={(e) => setTyped(e.target.value)} aria-describedby={`${id}-hint`} autoComplete="off" />
          <p id={`${id}-hint`} className="hint">{t('people.hint')}</p>
        </div>
        <button type="submit" disabled={typed.trim().length < 2}>{t('people.find')}</button>
      </form>
      {found.isLoading && <Loading />}
      {found.error && <ErrorMessage error={found.error} />}
      {found.isSuccess && (people.length === 0
        ? <p role="status">{t('people.none', { name })}</p>
        : (
          <ul className="person-matches" aria-label={t('people.found', { name })}>
            {people.map((person) => (
              <li key={person.id}>
                <button type="button" className="link" onClick={() => onPick(person)}>
                  {person.familyName}, {person.givenName}
                </button>
                {(person.children ?? []).length > 0 && (
                  <span className="muted"> {t('people.carerOf', { children: (person.children ?? []).map((c) => c.givenName).join(', ') })}</span>
                )}
              </li>
            ))}
          </ul>
        ))}
      {found.hasNextPage && (
        <button type="button" onClick={() => found.fetchNextPage()} disabled={found.isFetchingNextPage}>{t('people.more')}</button>
      )}
    </div>
  );
}
