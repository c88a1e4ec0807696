/** Milliseconds per named step, each measured from the end of the one before. */
export function stopwatch(): { timings: Record<string, number>; lap: (name: string) => void } {
  const timings: Record<string, number> = {};
  let t = performance.now();
  return {
    timings,
    lap(name) {
      const now = performance.now();
      timings[name] = Math.round(now - t);
      t = now;
    },
  };
}
