import type { AnnouncementView, ReachReport } from '../../api/types';

export interface SchoolRates { schoolId: string; reach: number; acknowledged: number; responses: number | null; adoption: number | null }

export interface SurveyTurnout { respondentsBySchool: Record<string, number>; eligibleBySchool: Record<string, number> }

const pct = (part: number, whole: number) => (whole > 0 ? Math.round((part * 100) / whole) : 0);
const sum = (values: Record<string, number | undefined> | undefined) => Object.values(values ?? {}).reduce<number>((a, b) => a + (b ?? 0), 0);

/**
 * Per school, across the trust's recent messages and surveys: the share of the audience that opened
 * (reach) and acknowledged, the survey response rate, and how many adaptable trust messages it adopted.
 */
export interface TrustPost { view: AnnouncementView; reach?: ReachReport }

export function alignment(schoolIds: string[], posts: TrustPost[], surveys: SurveyTurnout[]): SchoolRates[] {
  return schoolIds.map((schoolId) => {
    let audience = 0; let opened = 0; let acknowledged = 0; let ackAudience = 0;
    for (const { view, reach: report } of posts) {
      if (!report) continue;
      const people = sum(report.audienceBySchool?.[schoolId]);
      audience += people;
      opened += report.opened?.bySchool?.[schoolId] ?? 0;
      if (view.requiresAcknowledgement) {
        acknowledged += report.acknowledged?.bySchool?.[schoolId] ?? 0;
        ackAudience += people;
      }
    }
    const eligible = surveys.reduce((n, s) => n + (s.eligibleBySchool[schoolId] ?? 0), 0);
    const answered = surveys.reduce((n, s) => n + (s.respondentsBySchool[schoolId] ?? 0), 0);
    const decisions = posts.flatMap(({ view }) => (view.adoption ?? []).filter((a) => a.schoolId === schoolId));
    const adopted = decisions.filter((a) => a.status === 'ADOPTED' || a.status === 'ADAPTED').length;
    return {
      schoolId,
      reach: pct(opened, audience),
      acknowledged: pct(acknowledged, ackAudience),
      responses: eligible ? pct(answered, eligible) : null,
      adoption: decisions.length ? pct(adopted, decisions.length) : null,
    };
  });
}
