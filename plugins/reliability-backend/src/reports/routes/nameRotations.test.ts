import type { OnCallLoadMeasure } from '@preflight/plugin-reliability-common';
import { nameRotations } from './nameRotations';

function load(rotationId: string, personIds: string[]): OnCallLoadMeasure {
  return {
    rotationId,
    shifts: 1,
    pages: 0,
    pagesPerShift: 0,
    offHoursPages: 0,
    sleepHoursPages: 0,
    pagesPerPersonPerWeek: 0,
    people: personIds.map(personId => ({
      personId,
      shifts: 1,
      onCallHours: 24,
      pages: 0,
      offHoursPages: 0,
      sleepHoursPages: 0,
      pagesPerShift: 0,
      pagesPerWeek: 0,
    })),
    fairness: { gini: null, reason: 'no-pages' },
  };
}

describe('nameRotations', () => {
  it('names rotations and people where known and leaves the ids otherwise', () => {
    const [named, unknown] = nameRotations(
      [load('P1', ['U1', 'U2']), load('P2', ['U3'])],
      {
        rotations: new Map([['P1', 'Payments primary']]),
        people: new Map([['U1', 'Ann Example']]),
      },
    );
    expect(named.rotationName).toBe('Payments primary');
    expect(named.people.map(p => [p.personId, p.personName])).toEqual([
      ['U1', 'Ann Example'],
      ['U2', undefined],
    ]);
    expect(unknown).not.toHaveProperty('rotationName');
    expect(unknown.people[0]).not.toHaveProperty('personName');
  });
});
