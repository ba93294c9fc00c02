/** The realm roles Keycloak puts in the token's `roles` claim (mirrors the api's Role enum). */
export type Role =
  | 'trust-leader' | 'trust-admin' | 'school-leader' | 'staff' | 'carer' | 'pupil'
  | 'safeguarding-lead' | 'privacy-officer';

export const LEADER_ROLES: Role[] = ['trust-leader', 'school-leader'];
export const AUTHOR_ROLES: Role[] = ['trust-leader', 'school-leader', 'staff'];
export const READER_ROLES: Role[] = ['carer', 'pupil'];

export function hasAny(roles: readonly string[], wanted: readonly Role[]): boolean {
  return wanted.some((role) => roles.includes(role));
}

/** Reads the `roles` claim from a JWT without verifying it (the api verifies; the UI only adapts). */
export function rolesFromToken(token: string | undefined): string[] {
  if (!token) return [];
  const payload = token.split('.')[1];
  if (!payload) return [];
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '='));
    const claims = JSON.parse(json) as { roles?: unknown };
    return Array.isArray(claims.roles) ? claims.roles.filter((r): r is string => typeof r === 'string') : [];
  } catch {
    return [];
  }
}
