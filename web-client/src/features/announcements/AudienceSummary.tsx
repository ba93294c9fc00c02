import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/ApiContext';
import { ok } from '../../api/client';
import { useSchools } from '../../api/hooks';
import type { Audience } from '../../api/types';
import { useTranslation } from 'react-i18next';
import { label } from '../../i18n';

/** Who a post goes to, in words: "Parents and carers in RB, RO (Oakfield Primary)". */
export function AudienceSummary({ audience, schoolId }: { audience?: Audience; schoolId?: string }) {
  const { t } = useTranslation();
  const { api } = useApi();
  const { schools, nameOf } = useSchools();
  const scope = audience?.scope;
  const ids = audience?.ids ?? [];
  const classes = useQuery({
    queryKey: ['classes', schoolId],
    enabled: scope === 'CLASSES' && !!schoolId,
    staleTime: 300_000,
    queryFn: async () => (await ok(api.GET('/api/v1/schools/{schoolId}/classes', { params: { path: { schoolId: schoolId! }, query: { limit: 500 } } }))).items ?? [],
  });
  const people = (audience?.roles ?? []).map((role) => label('audience', role)).join(', ');
  let where: string;
  if (scope === 'TRUST') where = t('audience.TRUST').toLowerCase();
  else if (scope === 'SCHOOLS') where = ids.map((id) => nameOf(id)).join(', ');
  else if (scope === 'YEAR_GROUPS') {
    const years = new Map(schools.flatMap((s) => (s.yearGroups ?? []).map((y) => [y.audienceId, `${y.name} (${s.name})`] as const)));
    where = ids.map((id) => years.get(id) ?? id).join(', ');
  } else {
    const titles = new Map((classes.data ?? []).map((c) => [c.id, c.title]));
    where = `${ids.map((id) => titles.get(id) ?? id).join(', ')} (${nameOf(schoolId)})`;
  }
  return <>{t('approvals.to', { people, where })}</>;
}
