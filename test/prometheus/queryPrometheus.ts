/** A sample of an instant vector as Prometheus returns it. */
export interface PrometheusVectorSample {
  metric: Record<string, string>;
  /** [unix seconds, value as a string: "NaN", "+Inf" are possible] */
  value: [number, string];
}

/** A series of a range-query matrix. */
export interface PrometheusMatrixSeries {
  metric: Record<string, string>;
  values: Array<[number, string]>;
}

/** The Prometheus HTTP API envelope. */
export interface PrometheusEnvelope<T = unknown> {
  status: 'success' | 'error';
  data?: { resultType: string; result: T };
  errorType?: string;
  error?: string;
  warnings?: string[];
}

/** Deadline of one test query. */
const QUERY_TIMEOUT_MS = 15_000;

/**
 * POSTs a form to a Prometheus API path and returns the HTTP status and the
 * parsed envelope. A small independent client for the harness's own tests and
 * for computing expectations; product code has its own client.
 */
export async function postPrometheusForm<T>(
  baseUrl: string,
  apiPath: string,
  form: Record<string, string>,
  timeoutMs = QUERY_TIMEOUT_MS,
): Promise<{ httpStatus: number; envelope: PrometheusEnvelope<T> }> {
  const response = await fetch(`${baseUrl}${apiPath}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  try {
    return {
      httpStatus: response.status,
      envelope: JSON.parse(text) as PrometheusEnvelope<T>,
    };
  } catch {
    throw new Error(
      `Prometheus ${apiPath} answered HTTP ${
        response.status
      } with non-JSON: ${text.slice(0, 200)}`,
    );
  }
}

/** Parses a sample value string ("1.5", "NaN", "+Inf", "-Inf"). */
export function parsePrometheusValue(value: string): number {
  if (value === '+Inf') {
    return Infinity;
  }
  if (value === '-Inf') {
    return -Infinity;
  }
  return Number(value);
}

/** Throws unless the envelope is a success with the expected result type. */
function unwrap<T>(
  envelope: PrometheusEnvelope<T>,
  query: string,
  resultType: string,
): T {
  if (envelope.status !== 'success' || !envelope.data) {
    throw new Error(
      `Query ${query} failed: ${envelope.errorType}: ${envelope.error}`,
    );
  }
  if (envelope.data.resultType !== resultType) {
    throw new Error(
      `Query ${query} returned a ${envelope.data.resultType}, expected a ${resultType}`,
    );
  }
  return envelope.data.result;
}

/** Evaluates an instant query at `timeSeconds` and returns the vector. */
export async function queryInstantVector(
  baseUrl: string,
  query: string,
  timeSeconds: number,
): Promise<PrometheusVectorSample[]> {
  const { envelope } = await postPrometheusForm<PrometheusVectorSample[]>(
    baseUrl,
    '/api/v1/query',
    { query, time: String(timeSeconds) },
  );
  return unwrap(envelope, query, 'vector');
}

/**
 * Evaluates a query that yields at most one sample and returns its value as a
 * number (NaN for "NaN"), or undefined for an empty vector.
 */
export async function queryScalarValue(
  baseUrl: string,
  query: string,
  timeSeconds: number,
): Promise<number | undefined> {
  const vector = await queryInstantVector(baseUrl, query, timeSeconds);
  if (vector.length > 1) {
    throw new Error(
      `Query ${query} returned ${vector.length} series, expected at most one`,
    );
  }
  return vector.length === 0
    ? undefined
    : parsePrometheusValue(vector[0].value[1]);
}

/** Evaluates a range query and returns the matrix. */
export async function queryRangeMatrix(
  baseUrl: string,
  query: string,
  range: { startSeconds: number; endSeconds: number; stepSeconds: number },
): Promise<PrometheusMatrixSeries[]> {
  const { envelope } = await postPrometheusForm<PrometheusMatrixSeries[]>(
    baseUrl,
    '/api/v1/query_range',
    {
      query,
      start: String(range.startSeconds),
      end: String(range.endSeconds),
      step: String(range.stepSeconds),
    },
  );
  return unwrap(envelope, query, 'matrix');
}
