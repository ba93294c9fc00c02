import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useApi } from './ApiContext';
import { ok } from './client';
import type { Me, SchoolView } from './types';

/** Who I am per the directory: schools I belong to or lead, children I care for. */
export function useMe() {
  const { api } = useApi();
  return useQuery({ queryKey: ['me'], queryFn: () => ok(api.GET('/api/v1/me')) as Promise<Me>, staleTime: 60_000 });
}

/** The schools I may read, with a lookup from id to name. */
export function useSchools() {
  const { api } = useApi();
  const query = useQuery({
    queryKey: ['schools'],
    queryFn: async () => (await ok(api.GET('/api/v1/schools'))).items as SchoolView[],
    staleTime: 300_000,
  });
  // Every card and row asks for names: one lookup per list of schools, not one per caller and render.
  const nameOf = useMemo(() => {
    const names = new Map((query.data ?? []).map((school) => [school.id ?? '', school.name ?? '']));
    return (id?: string | null) => (id ? names.get(id) ?? id : '');
  }, [query.data]);
  return { ...query, schools: query.data ?? [], nameOf };
}
