import type {
  EscalationPolicyRecord,
  OnCallPerson,
  OnCallSnapshot,
} from '@preflight/plugin-reliability-common';

/**
 * A refresh snapshot with the people it could not read (its `unreadPeople`)
 * filled in from what the store knew: their contact methods and the other
 * details the lookup would have given. Without this, one user lookup that
 * failed would store that person with no way to reach them. People the
 * refresh did read, and people never stored, are left as they are. Pure.
 */
export function keepKnownPeople(
  snapshot: OnCallSnapshot,
  stored: readonly EscalationPolicyRecord[],
): OnCallSnapshot {
  const unread = new Set(snapshot.unreadPeople ?? []);
  if (unread.size === 0) {
    return snapshot;
  }
  const known = new Map<string, OnCallPerson>();
  for (const policy of stored) {
    for (const shift of policy.shifts) {
      const person = shift.user;
      const seen = known.get(person.id);
      // Several shifts name the same person; keep the one that knows most.
      if (
        unread.has(person.id) &&
        (!seen || person.contactMethods.length > seen.contactMethods.length)
      ) {
        known.set(person.id, person);
      }
    }
  }
  if (known.size === 0) {
    return snapshot;
  }
  return {
    ...snapshot,
    policies: snapshot.policies.map(policy => ({
      ...policy,
      shifts: policy.shifts.map(shift => {
        const before = known.get(shift.user.id);
        return before
          ? {
              ...shift,
              user: {
                ...before,
                ...shift.user,
                contactMethods: before.contactMethods,
              },
            }
          : shift;
      }),
    })),
  };
}
