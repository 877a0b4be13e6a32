/**
 * A query is not in the form Preflight can rewrite (e.g. not a plain series
 * selector). Prometheus may still accept it; the message says what was
 * expected and where.
 */
export class PromqlSyntaxError extends Error {
  /** 0-based character offset of the problem. */
  readonly position: number;

  constructor(message: string, position: number) {
    super(`${message} (at character ${position + 1})`);
    this.name = 'PromqlSyntaxError';
    this.position = position;
  }
}
