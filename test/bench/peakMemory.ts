/**
 * Samples this process' RSS and heap until stopped, for a benchmark's
 * "peak memory" figure (sampling misses spikes shorter than the interval).
 */
export function trackPeakMemory(intervalMs = 20) {
  let peakRss = 0;
  let peakHeap = 0;
  const sample = () => {
    const usage = process.memoryUsage();
    peakRss = Math.max(peakRss, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return { peakRss, peakHeap };
    },
  };
}

/** Bytes as whole MiB, e.g. `591 MiB`. */
export const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
