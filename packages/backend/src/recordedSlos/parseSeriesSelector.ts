/** One label matcher of a PromQL series selector. */
export interface LabelMatcher {
  label: string;
  op: '=' | '!=' | '=~' | '!~';
  value: string;
}

/** A plain PromQL series selector: a metric name and label matchers. */
export interface SeriesSelector {
  metric: string;
  matchers: LabelMatcher[];
}

const SELECTOR = /^\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(?:\{(.*)\})?\s*$/s;
const MATCHER =
  /^\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*"((?:[^"\\]|\\.)*)"\s*$/;

/**
 * Parses a plain series selector such as
 * `http_requests_total{service="x",code=~"5.."}`, the only query shape the
 * recorded demo data can answer; anything else (functions, aggregations)
 * yields `undefined` so the caller can report it instead of guessing.
 */
export function parseSeriesSelector(query: string): SeriesSelector | undefined {
  const match = SELECTOR.exec(query);
  if (!match) {
    return undefined;
  }
  const body = match[2]?.trim() ?? '';
  const matchers: LabelMatcher[] = [];
  // Values are quoted, so commas inside them must not split the list.
  const parts = body === '' ? [] : body.match(/(?:[^,"]|"(?:[^"\\]|\\.)*")+/g);
  for (const part of parts ?? []) {
    const m = MATCHER.exec(part);
    if (!m) {
      return undefined;
    }
    matchers.push({
      label: m[1],
      op: m[2] as LabelMatcher['op'],
      value: m[3].replace(/\\(.)/g, '$1'),
    });
  }
  return { metric: match[1], matchers };
}

/** Whether a series with these labels is selected (regexes are anchored, as in PromQL). */
export function selectorMatches(
  selector: SeriesSelector,
  metric: string,
  labels: Readonly<Record<string, string>>,
): boolean {
  if (selector.metric !== metric) {
    return false;
  }
  return selector.matchers.every(({ label, op, value }) => {
    const actual = labels[label] ?? '';
    switch (op) {
      case '=':
        return actual === value;
      case '!=':
        return actual !== value;
      case '=~':
        return new RegExp(`^(?:${value})$`).test(actual);
      default:
        return !new RegExp(`^(?:${value})$`).test(actual);
    }
  });
}
