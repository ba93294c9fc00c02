import type { Audience, Me, SchoolView } from '../../api/types';

export type Scope = NonNullable<Audience['scope']>;

/** What this author may address, mirroring the api's access policy (which still decides). */
export interface AudienceChoices {
  scopes: Scope[];
  /** Schools whose groups may be addressed. */
  schools: SchoolView[];
  /** When set, only these classes (a teacher's own); otherwise every class of the schools above. */
  classes?: Set<string>;
}

/**
 * Trust leaders address anyone; school leaders their schools, year groups and classes; staff only the classes they
 * teach (and that goes for approval).
 */
export function audienceChoices(me: Me | undefined, roles: readonly string[], schools: SchoolView[]): AudienceChoices {
  if (roles.includes('trust-leader')) return { scopes: ['TRUST', 'SCHOOLS', 'YEAR_GROUPS', 'CLASSES'], schools };
  const leads = new Set(me?.leadsSchools ?? []);
  if (leads.size > 0) {
    return { scopes: ['SCHOOLS', 'YEAR_GROUPS', 'CLASSES'], schools: schools.filter((school) => leads.has(school.id ?? '')) };
  }
  const classes = new Set(me?.teachesClasses ?? []);
  if (classes.size > 0) {
    const mine = new Set((me?.schools ?? []).map((school) => school.id));
    return { scopes: ['CLASSES'], schools: schools.filter((school) => mine.has(school.id)), classes };
  }
  return { scopes: [], schools: [] };
}
