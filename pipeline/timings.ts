/**
 * Opt-in stage timings for the benchmark (`OPENDATA_TIMINGS=1 opendata build …` prints them as one
 * JSON line on stderr). Recording costs two clock reads per stage, so it is always on; nothing is
 * printed unless asked.
 */
const spans = new Map<string, number>();
/** Resident memory (MB) when each stage ended: where the peak builds up. */
const rssAfter = new Map<string, number>();

/** Runs `run`, adding its wall time (ms) to `stage`. */
export function timed<T>(stage: string, run: () => T): T {
  const start = performance.now();
  try {
    return run();
  } finally {
    spans.set(stage, (spans.get(stage) ?? 0) + performance.now() - start);
    rssAfter.set(stage, Math.round(process.memoryUsage.rss() / 1048576));
  }
}

/** Milliseconds per stage so far, in the order the stages first ran. */
export function stageTimings(): Record<string, number> {
  return Object.fromEntries([...spans].map(([stage, ms]) => [stage, Math.round(ms * 10) / 10]));
}

/** The line the build command writes to stderr when `OPENDATA_TIMINGS=1`. */
export function timingsLine(): string {
  const rssMB = Object.fromEntries(rssAfter);
  return `OPENDATA_TIMINGS ${JSON.stringify({ ...stageTimings(), sinceStart: Math.round(performance.now() * 10) / 10, maxRSS: process.resourceUsage().maxRSS, rssMB })}\n`;
}
