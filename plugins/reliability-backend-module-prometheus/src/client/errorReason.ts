/** Longest error reason kept from an engine's answer. @internal */
export const MAX_ERROR_REASON = 500;

// VictoriaMetrics writes `error when executing query="<query, Go-quoted>" on
// the time range (…): <reason>`; other engines and proxies echo the query in
// the same `query="…"` form.
const QUOTED_QUERY = /\bquery="(?:[^"\\]|\\.)*"/g;

/**
 * The reason an engine gave for an error, bounded in length, without the
 * query it echoed: the caller already knows the query (and shows it once),
 * while an echo of a long grouped query used to push the actual cause
 * ("cannot select more than -search.maxSamplesPerQuery samples") past the
 * length bound. A message still too long keeps its start and its end, where
 * engines put the cause.
 * @internal
 */
export function errorReason(message: string, query?: string): string {
  let text = message.replace(QUOTED_QUERY, 'query=(the query)');
  if (query && query.length >= 8) {
    text = text
      .split(JSON.stringify(query))
      .join('(the query)')
      .split(query)
      .join('(the query)');
  }
  if (text.length <= MAX_ERROR_REASON) {
    return text;
  }
  const head = Math.floor(MAX_ERROR_REASON * 0.3);
  const tail = MAX_ERROR_REASON - head - 3;
  return `${text.slice(0, head)} … ${text.slice(-tail)}`;
}
