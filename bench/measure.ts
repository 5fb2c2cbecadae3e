// Timing and rounding shared by the benchmarks.

/** Milliseconds `work` took (synchronous work too). */
export async function timed(work: () => unknown): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

export const round = (n: number, places = 2): number => Math.round(n * 10 ** places) / 10 ** places;
