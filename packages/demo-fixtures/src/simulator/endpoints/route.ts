import type { QueryParams } from '../http/queryParams';
import type { RenderContext } from '../representations/renderContext';

/** What a route handler gets for one request. */
export interface RouteRequest {
  /** path parameters, e.g. `{ id: 'PCHKOUT' }` for `/services/{id}` */
  params: Record<string, string>;
  query: QueryParams;
  /** the simulator clock at the time of the request */
  nowMs: number;
  context: RenderContext;
  /** the `endlessMore` failure mode is active for this request */
  endlessMore: boolean;
  /**
   * Computes a filtered list once per distinct key and reuses it while a
   * client pages through it, so paging a large fleet stays cheap.
   */
  memo<T>(key: string, compute: () => T): T;
}

/** A simulated PagerDuty operation. */
export interface Route {
  method: 'GET';
  /** OpenAPI path template, e.g. `/services/{id}` */
  template: string;
  /** the response body; throw a PagerDutyError for an error response */
  handle(request: RouteRequest): unknown;
}

/** Turns `/services/{id}` into a matcher returning the path parameters. */
export function compileTemplate(
  template: string,
): (pathname: string) => Record<string, string> | undefined {
  const names: string[] = [];
  const pattern = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  const regex = new RegExp(`^${pattern}/?$`);
  return pathname => {
    const match = regex.exec(pathname);
    if (!match) {
      return undefined;
    }
    const params: Record<string, string> = {};
    names.forEach((name, i) => {
      params[name] = decodeURIComponent(match[i + 1]);
    });
    return params;
  };
}
