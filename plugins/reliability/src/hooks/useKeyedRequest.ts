import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';

/**
 * One request's state as a component sees it. While the same subject
 * reloads (a retry, another page or filter of the same group), `value`
 * keeps the last answer and `loading` is set, so a card shows what it had
 * as stale instead of flashing empty.
 * @public
 */
export interface RequestState<T> {
  /** The entity or group the state belongs to, e.g. `component:default/checkout-api`. */
  entityRef: string;
  value?: T;
  loading: boolean;
  error?: Error;
  /** Loads again (after an error, for example). */
  retry(): void;
}

/** A request's state, plus a way to show an answer a write returned. */
export interface KeyedRequestState<T> extends RequestState<T> {
  /** Shows `value` as the current answer without waiting for a reload. */
  replace(value: T): void;
}

/** Options of {@link useKeyedRequest}. */
export interface KeyedRequestOptions {
  /**
   * What the answer is about (defaults to the key). When the key changes
   * but the subject does not, the answer on screen stays while the new one
   * loads; a new subject clears it.
   */
  subject?: string;
}

interface Load<T> {
  key: string;
  subject: string;
  value?: T;
  loading: boolean;
  error?: Error;
}

function toError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}

/**
 * The one way the plugin loads data: load once per key and per retry,
 * abort the request and ignore its answer when the key changes or the
 * component unmounts, and keep the answer on screen while the same subject
 * reloads. `request` undefined skips loading (e.g. an entity that declares
 * no SLOs). The key must name everything `request` reads: a new `request`
 * function with the same key does not load again.
 */
export function useKeyedRequest<T>(
  key: string,
  request: ((signal: AbortSignal) => Promise<T>) | undefined,
  options: KeyedRequestOptions = {},
): KeyedRequestState<T> {
  const subject = options.subject ?? key;
  const enabled = request !== undefined;
  const latestRequest = useRef(request);
  useLayoutEffect(() => {
    latestRequest.current = request;
  });
  const [attempt, setAttempt] = useState(0);
  const [load, setLoad] = useState<Load<T>>({
    key,
    subject,
    loading: enabled,
  });

  useEffect(() => {
    const run = latestRequest.current;
    if (!run) {
      setLoad({ key, subject, loading: false });
      return undefined;
    }
    const controller = new AbortController();
    const kept = (previous: Load<T>) =>
      previous.subject === subject ? previous.value : undefined;
    setLoad(previous => ({
      key,
      subject,
      value: kept(previous),
      loading: true,
    }));
    run(controller.signal).then(
      value => {
        if (!controller.signal.aborted) {
          setLoad({ key, subject, value, loading: false });
        }
      },
      error => {
        if (!controller.signal.aborted) {
          setLoad(previous => ({
            key,
            subject,
            value: kept(previous),
            loading: false,
            error: toError(error),
          }));
        }
      },
    );
    return () => controller.abort();
  }, [key, subject, enabled, attempt]);

  const retry = useCallback(() => setAttempt(n => n + 1), []);
  const replace = useCallback(
    (value: T) => setLoad({ key, subject, value, loading: false }),
    [key, subject],
  );

  // Between a key change and the effect that loads it, show the new key
  // as loading (keeping the subject's answer) rather than the old key's state.
  let current: Load<T> = load;
  if (load.key !== key) {
    current = {
      key,
      subject,
      value: load.subject === subject ? load.value : undefined,
      loading: enabled,
    };
  }
  return {
    entityRef: subject,
    value: current.value,
    loading: current.loading,
    error: current.error,
    retry,
    replace,
  };
}
