/**
 * jsdom does no layout and has no ResizeObserver, which recharts'
 * ResponsiveContainer needs to learn its size. This stand-in reports a
 * fixed box on `observe`, so charts render as they would at that size.
 * Returns a function that restores the previous global.
 */
export function mockResizeObserver(width = 640, height = 240): () => void {
  const previous = (globalThis as any).ResizeObserver;
  class FixedSizeResizeObserver {
    readonly #callback: ResizeObserverCallback;
    constructor(callback: ResizeObserverCallback) {
      this.#callback = callback;
    }
    observe(target: Element) {
      this.#callback(
        [{ target, contentRect: { width, height } } as ResizeObserverEntry],
        this as unknown as ResizeObserver,
      );
    }
    unobserve() {}
    disconnect() {}
  }
  (globalThis as any).ResizeObserver = FixedSizeResizeObserver;
  return () => {
    (globalThis as any).ResizeObserver = previous;
  };
}
