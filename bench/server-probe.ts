import { writeSync } from 'node:fs';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';

/**
 * Loaded into a bench's `corroborate serve` with `node --import`: measures how long the server's
 * event loop was held up (what a request waits before it is even read) and writes the figures to
 * stderr as one `loop-delay {json}` line when the process exits. Bench-only: the server knows nothing of it.
 */
const histogram = monitorEventLoopDelay({ resolution: 10 });
histogram.enable();
/** Stalls over this long are listed with when they happened, to line them up with the bench's phases. */
const STALL_MS = 100;
const stalls: Array<{ atMs: number; ms: number }> = [];
const started = performance.now();
let last = performance.now();
setInterval(() => {
  const now = performance.now();
  const late = now - last - 20;
  if (late > STALL_MS) stalls.push({ atMs: Math.round(last - started), ms: Math.round(late) });
  last = now;
}, 20).unref();

/** Garbage collection pauses the loop too: total and longest, to tell them from work that blocks it. */
const gc = { count: 0, totalMs: 0, maxMs: 0 };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gc.count++;
    gc.totalMs += entry.duration;
    gc.maxMs = Math.max(gc.maxMs, entry.duration);
  }
}).observe({ entryTypes: ['gc'] });

process.on('exit', () => {
  histogram.disable();
  const ms = (ns: number) => Math.round(ns / 1e4) / 100;
  const worst = [...stalls].sort((a, b) => b.ms - a.ms).slice(0, 10);
  const figures = { p50Ms: ms(histogram.percentile(50)), p99Ms: ms(histogram.percentile(99)), maxMs: ms(histogram.max), stallsOver100Ms: stalls.length, worstStalls: worst, gc: { count: gc.count, totalMs: Math.round(gc.totalMs), maxMs: Math.round(gc.maxMs) }, cpuSeconds: Math.round(process.cpuUsage().user / 1e4) / 100 };
  writeSync(2, `loop-delay ${JSON.stringify(figures)}\n`);
});
