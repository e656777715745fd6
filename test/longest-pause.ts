// How long the event loop was held at most while `work` ran: a ticker every 2 ms notes the gaps between its turns
// (the last stretch, up to the work's end, included). For code that runs in the web server's process.
export async function longestPause<T>(work: () => Promise<T>): Promise<{ result: T; longestMs: number }> {
  let last = performance.now();
  let longestMs = 0;
  const ticker = setInterval(() => {
    const t = performance.now();
    longestMs = Math.max(longestMs, t - last);
    last = t;
  }, 2);
  try {
    const result = await work();
    longestMs = Math.max(longestMs, performance.now() - last);
    return { result, longestMs };
  } finally {
    clearInterval(ticker);
  }
}
