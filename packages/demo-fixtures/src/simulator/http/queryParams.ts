import { invalidInput } from './pagerDutyError';
import { isValidTimeZone, parseTimestamp } from './timestamps';

/**
 * Typed access to a request's query string with PagerDuty's conventions:
 * arrays as repeated `name[]=` parameters, booleans as `true`/`false`.
 * Malformed values become 400 Invalid Input Provided, as on the live API.
 */
export class QueryParams {
  constructor(private readonly params: URLSearchParams) {}

  /** A single string parameter, or undefined when absent or empty. */
  string(name: string): string | undefined {
    const value = this.params.get(name);
    return value === null || value === '' ? undefined : value;
  }

  /** All values of an array parameter `name[]` (plain `name` is accepted too). */
  list(name: string): string[] {
    return [
      ...this.params.getAll(`${name}[]`),
      ...this.params.getAll(name),
    ].filter(v => v !== '');
  }

  /** A boolean parameter; undefined when absent. */
  boolean(name: string): boolean | undefined {
    const value = this.string(name);
    if (value === undefined) {
      return undefined;
    }
    if (value === 'true' || value === 'false') {
      return value === 'true';
    }
    throw invalidInput(`${name} must be true or false`);
  }

  /** A non-negative integer parameter; undefined when absent. */
  integer(name: string): number | undefined {
    const value = this.string(name);
    if (value === undefined) {
      return undefined;
    }
    if (!/^\d+$/.test(value)) {
      throw invalidInput(`${name} must be a non-negative integer`);
    }
    return Number(value);
  }

  /** A timestamp parameter as epoch ms; undefined when absent. */
  timestamp(name: string): number | undefined {
    const value = this.string(name);
    if (value === undefined) {
      return undefined;
    }
    const ms = parseTimestamp(value);
    if (ms === undefined) {
      throw invalidInput(`${name} is not a valid date-time`);
    }
    return ms;
  }

  /** The `time_zone` parameter, validated; `fallback` when absent. */
  timeZone(fallback: string): string {
    const value = this.string('time_zone');
    if (value === undefined) {
      return fallback;
    }
    if (!isValidTimeZone(value)) {
      throw invalidInput(`time_zone ${value} is not a valid time zone`);
    }
    return value;
  }

  /**
   * The `include[]` values. Values outside PagerDuty's enum for the endpoint
   * are invalid; values PagerDuty accepts but the simulator does not render
   * are refused loudly rather than silently ignored, so a client relying on
   * them notices in tests.
   */
  include<T extends string>(
    documented: readonly string[],
    supported: readonly T[],
  ): Set<T> {
    const values = this.list('include');
    for (const value of values) {
      if (!documented.includes(value)) {
        throw invalidInput(
          `include[] ${value} is not one of ${documented.join(', ')}`,
        );
      }
      if (!(supported as readonly string[]).includes(value)) {
        throw invalidInput(
          `include[] ${value} is valid on PagerDuty but not rendered by the simulator`,
        );
      }
    }
    return new Set(values as T[]);
  }

  /** The query string without paging parameters: a cache key for the filtered list. */
  filterKey(): string {
    const copy = new URLSearchParams(this.params);
    copy.delete('limit');
    copy.delete('offset');
    copy.delete('total');
    copy.sort();
    return copy.toString();
  }
}
