/** Longest error reason kept from an engine's answer. */
export const MAX_ERROR_REASON = 500;

// VictoriaMetrics writes `error when executing query="<query, Go-quoted>" on
// the time range (…): cannot execute "<a part of it, reformatted>": <reason>`;
// other engines and proxies echo the query in the same `query="…"` form.
const QUOTED_QUERY = /\bquery="(?:[^"\\]|\\.)*"/g;
const QUOTED = /"(?:[^"\\]|\\.)*"/g;
/** A quoted string this long with brackets in it is (part of) a query, not a reason. */
const MIN_ECHOED_EXPRESSION = 40;

function isEchoedExpression(quoted: string): boolean {
  return quoted.length >= MIN_ECHOED_EXPRESSION && /[({]/.test(quoted);
}

/**
 * The reason an engine gave for an error, bounded in length, without the
 * query it echoed: the caller already knows the query (and shows it once),
 * while an echo of a long grouped query used to push the actual cause
 * ("cannot select more than -search.maxSamplesPerQuery samples") past the
 * length bound. A message still too long keeps its start and its end, where
 * engines put the cause.
 */
export function errorReason(message: string, query?: string): string {
  let text = message;
  if (query && query.length >= 8) {
    text = text
      .split(JSON.stringify(query))
      .join('"(the query)"')
      .split(query)
      .join('(the query)');
  }
  text = text
    .replace(QUOTED_QUERY, 'query=(the query)')
    .replace(QUOTED, quoted =>
      isEchoedExpression(quoted) ? '(part of the query)' : quoted,
    );
  if (text.length <= MAX_ERROR_REASON) {
    return text;
  }
  const head = Math.floor(MAX_ERROR_REASON * 0.3);
  const tail = MAX_ERROR_REASON - head - 3;
  return `${text.slice(0, head)} … ${text.slice(-tail)}`;
}
