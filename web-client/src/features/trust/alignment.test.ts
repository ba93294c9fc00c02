import { alignment } from './alignment';
import type { AnnouncementView, ReachReport } from '../../api/types';

const report: ReachReport = {
  announcementId: 'a1', audience: 30,
  audienceBySchool: { 'sch-1': { carers: 20 }, 'sch-2': { carers: 10 } },
  delivered: { total: 30, bySchool: { 'sch-1': 20, 'sch-2': 10 } },
  opened: { total: 15, bySchool: { 'sch-1': 10, 'sch-2': 5 } },
  acknowledged: { total: 6, bySchool: { 'sch-1': 5, 'sch-2': 1 } },
};

describe('trust alignment', () => {
  it('compares schools by the share of their own audience that read, acknowledged and answered', () => {
    const withAck: AnnouncementView = { id: 'a1', requiresAcknowledgement: true };
    const adaptable: AnnouncementView = { id: 'a2', adoption: [{ schoolId: 'sch-1', status: 'ADAPTED' }, { schoolId: 'sch-2', status: 'DECLINED' }] };
    const rows = alignment(['sch-1', 'sch-2'], [{ view: withAck, reach: report }, { view: adaptable }], [{ respondentsBySchool: { 'sch-1': 8 }, eligibleBySchool: { 'sch-1': 20, 'sch-2': 10 } }]);
    expect(rows).toEqual([
      { schoolId: 'sch-1', reach: 50, acknowledged: 25, responses: 40, adoption: 100 },
      { schoolId: 'sch-2', reach: 50, acknowledged: 10, responses: 0, adoption: 0 },
    ]);
  });

  it('says nothing rather than zero when a school had no surveys or adaptable messages', () => {
    const [row] = alignment(['sch-3'], [], []);
    expect(row).toEqual({ schoolId: 'sch-3', reach: 0, acknowledged: 0, responses: null, adoption: null });
  });
});
