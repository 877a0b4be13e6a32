import type { OnCallLoadMeasure } from '@preflight/plugin-reliability-common';

/**
 * The rotations with the names of their escalation policies and people,
 * where known; an unknown name leaves the id to show.
 */
export function nameRotations(
  loads: readonly OnCallLoadMeasure[],
  names: {
    rotations: ReadonlyMap<string, string>;
    people: ReadonlyMap<string, string>;
  },
): OnCallLoadMeasure[] {
  return loads.map(load => {
    const rotationName = names.rotations.get(load.rotationId);
    return {
      ...load,
      ...(rotationName ? { rotationName } : {}),
      people: load.people.map(person => {
        const personName = names.people.get(person.personId);
        return personName ? { ...person, personName } : person;
      }),
    };
  });
}
