import { delta, groupReport } from './digestTestReport';
import { digestNotification, REPORT_DIGEST_TOPIC } from './digestNotification';

describe('digestNotification', () => {
  it('sends the month’s headline figures with their change to the team, linking to its report tab', () => {
    const message = digestNotification(
      groupReport('group:default/team-payments', 'Payments', [2026, 10], {
        incidents: delta(12, 9),
        highUrgency: delta(4, 4),
        mttaMeanSeconds: delta(300, 420),
        mttrMeanSeconds: delta(7200, 5400),
        changeFailureRate: delta(0.25, 0.1),
        pages: delta(6, null),
      }),
    );
    expect(message.recipients).toEqual({
      type: 'entity',
      entityRef: 'group:default/team-payments',
    });
    expect(message.payload).toEqual({
      title: 'Reliability report of Payments for 2026-10',
      description:
        '2026-10, 3 services, changes vs the month before: Incidents 12 (+3), high urgency 4 (unchanged), MTTA 5 min (−2 min), MTTR 2.0 h (+30 min), change failure rate 25 % (+15 pp), pages 6.',
      link: '/catalog/default/group/team-payments/reliability-report',
      severity: 'low',
      topic: REPORT_DIGEST_TOPIC,
      scope: `${REPORT_DIGEST_TOPIC}:group:default/team-payments:2026-10`,
    });
  });

  it('leaves out figures the month has no value for, and bounds a long team name', () => {
    const message = digestNotification(
      groupReport('group:default/ops', 'O'.repeat(300), [2026, 1], {
        incidents: delta(0, 2),
      }),
    );
    expect(message.payload.description).toBe(
      '2026-01, 3 services, changes vs the month before: Incidents 0 (−2).',
    );
    expect(message.payload.title.length).toBeLessThanOrEqual(160);
  });
});
