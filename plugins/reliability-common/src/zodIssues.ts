/**
 * A validation issue as schema libraries report it (zod's issues fit): where
 * in the value, and what is wrong. Declared here so that this package needs
 * no schema library.
 * @public
 */
export interface FieldIssue {
  path: ReadonlyArray<string | number>;
  message: string;
}

/**
 * Formats a field path as users read it in YAML and JSON:
 * `spec.objectives[0].target`, after `root` when given (a config key such
 * as `reliability.reviews`).
 * @public
 */
export function formatFieldPath(
  path: ReadonlyArray<string | number>,
  root = '',
): string {
  return path.reduce<string>((text, segment) => {
    if (typeof segment === 'number') {
      return `${text}[${segment}]`;
    }
    return text === '' ? segment : `${text}.${segment}`;
  }, root);
}

/**
 * Each zod issue as `field: message`, e.g. `changes[1].checkId: Required`,
 * for errors that name every offending field. An issue about the value as a
 * whole is named `whole` when given, else shown as its message alone.
 * @public
 */
export function formatZodIssues(
  issues: readonly FieldIssue[],
  options: { root?: string; whole?: string } = {},
): string[] {
  return issues.map(issue => {
    const field = formatFieldPath(issue.path, options.root) || options.whole;
    return field ? `${field}: ${issue.message}` : issue.message;
  });
}
