import { getHeapStatistics } from "node:v8";

/** The process's resident-set high-water mark so far (never goes down). */
export const maxRssBytes = (): number => process.resourceUsage().maxRSS * 1024;

/** Samples V8's used heap every few milliseconds (and whenever `sample` is called) and keeps the peak. */
export function heapPeak(everyMs = 5): { sample: () => void; stop: () => number } {
  let peak = getHeapStatistics().used_heap_size;
  const sample = () => {
    peak = Math.max(peak, getHeapStatistics().used_heap_size);
  };
  const timer = setInterval(sample, everyMs);
  return {
    sample,
    stop: () => {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}
