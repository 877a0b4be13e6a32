import { builtinScorecardChecks } from './engine';
import { ScorecardCheck } from '@preflight/plugin-reliability-node';

/**
 * The check implementations the rubric can use: the built-in library plus
 * the checks modules add through the scorecard checks extension point.
 */
export class ScorecardCheckRegistry {
  readonly #checks = new Map<
    string,
    { check: ScorecardCheck; builtIn: boolean }
  >();
  #frozen = false;

  constructor(builtIns: ScorecardCheck[] = builtinScorecardChecks) {
    for (const check of builtIns) {
      this.#checks.set(check.id, { check, builtIn: true });
    }
  }

  /**
   * Adds a module's check. Throws when the id is taken, naming both, since
   * a rubric could not tell which one it means; module init fails and so
   * does the backend's startup.
   */
  add(check: ScorecardCheck): void {
    if (this.#frozen) {
      throw new Error(
        `Cannot add scorecard check "${check.id}" after the reliability plugin has started`,
      );
    }
    if (!check || typeof check.id !== 'string' || check.id.trim() === '') {
      throw new Error('A scorecard check added by a module has no id');
    }
    if (typeof check.evaluate !== 'function') {
      throw new Error(
        `The scorecard check "${check.id}" added by a module has no evaluate function`,
      );
    }
    const existing = this.#checks.get(check.id);
    if (existing) {
      throw new Error(
        `The scorecard check "${check.id}" ("${
          check.defaults.title
        }") added by a module has the same id as ${
          existing.builtIn
            ? 'the built-in check'
            : 'the check added by another module'
        } "${existing.check.id}" ("${
          existing.check.defaults.title
        }"); check ids must be unique`,
      );
    }
    this.#checks.set(check.id, { check, builtIn: false });
  }

  /** Every check, built-ins first, and freezes the registry. */
  start(): ScorecardCheck[] {
    this.#frozen = true;
    return [...this.#checks.values()].map(entry => entry.check);
  }
}
