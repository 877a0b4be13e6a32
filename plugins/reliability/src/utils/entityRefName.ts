/**
 * The name part of an entity ref, the way people refer to it:
 * `group:default/team-fraud` → `team-fraud`, `user:dana` → `dana`.
 */
export function entityRefName(ref: string): string {
  return ref.replace(/^[^:]+:(?:[^/]+\/)?/, '');
}
