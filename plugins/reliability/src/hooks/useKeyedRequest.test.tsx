import { act, renderHook, waitFor } from '@testing-library/react';
import { useKeyedRequest } from './useKeyedRequest';

/** A request whose answers the test gives, one per call, in any order. */
function controlledRequests<T>() {
  const calls: Array<{
    key: string;
    signal: AbortSignal;
    answer(value: T): void;
    fail(error: Error): void;
  }> = [];
  const request = (key: string) => (signal: AbortSignal) =>
    new Promise<T>((resolve, reject) => {
      calls.push({ key, signal, answer: resolve, fail: reject });
    });
  return { calls, request };
}

describe('useKeyedRequest', () => {
  it('loads once per key, aborts the old request and ignores its late answer', async () => {
    const { calls, request } = controlledRequests<string>();
    const { result, rerender } = renderHook(
      ({ key }) => useKeyedRequest(key, request(key)),
      { initialProps: { key: 'component:default/a' } },
    );
    expect(result.current).toMatchObject({
      entityRef: 'component:default/a',
      loading: true,
      value: undefined,
    });

    rerender({ key: 'component:default/b' });
    expect(calls.map(call => call.key)).toEqual([
      'component:default/a',
      'component:default/b',
    ]);
    expect(calls[0].signal.aborted).toBe(true);

    await act(async () => calls[1].answer('b'));
    await act(async () => calls[0].answer('a, too late'));
    expect(result.current).toMatchObject({
      entityRef: 'component:default/b',
      loading: false,
      value: 'b',
    });
    // Re-rendering with the same key (and a new function) loads nothing.
    rerender({ key: 'component:default/b' });
    expect(calls).toHaveLength(2);
  });

  it('keeps the answer on screen while the same subject reloads, and clears it for another subject', async () => {
    const { calls, request } = controlledRequests<string>();
    const { result, rerender } = renderHook(
      ({ group, page }) =>
        useKeyedRequest(`${group} ${page}`, request(`${group} ${page}`), {
          subject: group,
        }),
      { initialProps: { group: 'group:default/payments', page: 1 } },
    );
    await act(async () => calls[0].answer('page 1'));

    rerender({ group: 'group:default/payments', page: 2 });
    expect(result.current).toMatchObject({
      entityRef: 'group:default/payments',
      loading: true,
      value: 'page 1',
    });
    await act(async () => calls[1].fail(new Error('database is locked')));
    expect(result.current).toMatchObject({
      loading: false,
      value: 'page 1',
      error: new Error('database is locked'),
    });

    rerender({ group: 'group:default/search', page: 1 });
    expect(result.current).toMatchObject({
      entityRef: 'group:default/search',
      loading: true,
      value: undefined,
      error: undefined,
    });
  });

  it('loads again on retry and shows a replaced answer at once', async () => {
    const { calls, request } = controlledRequests<string>();
    const { result } = renderHook(() => useKeyedRequest('k', request('k')));
    await act(async () => calls[0].fail(new Error('offline')));
    expect(result.current.error?.message).toBe('offline');

    act(() => result.current.retry());
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(result.current).toMatchObject({ loading: true, error: undefined });
    await act(async () => calls[1].answer('loaded'));
    expect(result.current.value).toBe('loaded');

    act(() => result.current.replace('written'));
    expect(result.current).toMatchObject({ loading: false, value: 'written' });
  });

  it('loads nothing without a request', () => {
    const { result } = renderHook(() =>
      useKeyedRequest<string>('component:default/a', undefined),
    );
    expect(result.current).toMatchObject({
      entityRef: 'component:default/a',
      loading: false,
      value: undefined,
      error: undefined,
    });
  });
});
