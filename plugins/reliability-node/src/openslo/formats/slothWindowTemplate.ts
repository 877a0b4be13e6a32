// Go template actions: Sloth renders its queries with text/template.
const TEMPLATE_ACTION = /\{\{-?\s*(.*?)\s*-?\}\}/g;

/** A Sloth query rewritten for Preflight. */
export interface RewrittenSlothQuery {
  /** The query with `$window` wherever Sloth had `{{.window}}`. */
  query: string;
  /** Template actions other than `.window`, as written, e.g. `{{.service}}`. */
  unknownActions: string[];
}

/**
 * Rewrites Sloth's `{{.window}}` to `$window`, the range placeholder that
 * OpenSLO queries in Preflight use (see the Prometheus module README), so that the converted
 * OpenSLO reads like any other. Sloth fills in only `.window`, so any
 * other action would not render in Sloth either; it is returned for the
 * caller to report.
 */
export function rewriteSlothWindowTemplate(query: string): RewrittenSlothQuery {
  const unknownActions: string[] = [];
  const rewritten = query.replace(TEMPLATE_ACTION, (action, body: string) => {
    if (body === '.window') {
      return '$window';
    }
    unknownActions.push(action);
    return action;
  });
  return { query: rewritten.trim(), unknownActions };
}
