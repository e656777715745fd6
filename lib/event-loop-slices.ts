// Long computations in the web server's process (the job queue's worker runs there) give the event loop a turn every
// few milliseconds: a loop held for 0.4 s made the server's overload gate refuse a rush's submissions (issue 12).

/** The longest a computation runs before letting the loop turn. */
export const SLICE_MS = 5;

/**
 * A clock for one long loop: `if (slice.over()) await slice.pause();` in its body lets the event loop turn
 * (`setImmediate`: pending I/O and timers go first) once SLICE_MS has passed, then starts the next slice.
 */
export function timeSlices(sliceMs = SLICE_MS) {
  let end = performance.now() + sliceMs;
  return {
    over: () => performance.now() >= end,
    async pause(): Promise<void> {
      await new Promise((resolve) => setImmediate(resolve));
      end = performance.now() + sliceMs;
    },
  };
}
