/**
 * Ways the simulator can misbehave on purpose:
 * - `down`: the connection is destroyed without a response;
 * - `status500`: 500 with PagerDuty's error body;
 * - `hang`: the request is never answered;
 * - `truncatedJson`: 200, JSON content type, body cut in half;
 * - `html200`: 200 with an HTML page (a proxy or maintenance page);
 * - `endlessMore`: normal pages that always say `more: true`.
 */
export type FailureMode =
  | 'none'
  | 'down'
  | 'status500'
  | 'hang'
  | 'truncatedJson'
  | 'html200'
  | 'endlessMore';

/** All failure modes, for validating control input. */
export const FAILURE_MODES: readonly FailureMode[] = [
  'none',
  'down',
  'status500',
  'hang',
  'truncatedJson',
  'html200',
  'endlessMore',
];

/** A failure to inject, optionally only on some paths and only a number of times. */
export interface FailureRule {
  mode: FailureMode;
  /** path prefixes it applies to, e.g. `['/oncalls']`; all PagerDuty paths when absent */
  paths?: string[];
  /** how many matching requests fail before the simulator recovers; unlimited when absent */
  times?: number;
}

/** Decides, per request, which failure (if any) to inject. */
export class FailureInjector {
  private rule: FailureRule | undefined;

  /** Replaces the current rule; `null` or mode `none` heals the simulator. */
  set(rule: FailureRule | FailureMode | null | undefined): void {
    const normalized =
      typeof rule === 'string' ? { mode: rule } : rule ?? undefined;
    this.rule =
      normalized && normalized.mode !== 'none' ? { ...normalized } : undefined;
  }

  /** The rule in force, for reporting. */
  current(): FailureRule | null {
    return this.rule ? { ...this.rule } : null;
  }

  /** The failure for a request to `pathname`, consuming one of `times`. */
  take(pathname: string): FailureMode {
    const rule = this.rule;
    if (!rule) {
      return 'none';
    }
    const applies =
      !rule.paths ||
      rule.paths.some(
        p =>
          pathname === p || pathname.startsWith(p.endsWith('/') ? p : `${p}/`),
      );
    if (!applies) {
      return 'none';
    }
    if (rule.times !== undefined) {
      rule.times--;
      if (rule.times <= 0) {
        this.rule = undefined;
      }
    }
    return rule.mode;
  }
}
