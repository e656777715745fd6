// The one place the app reads the time. The server's clock decides deadlines,
// never the browser's. Unit tests may fix it with setNow().
let fixed: Date | null = null;

export function now(): Date {
  return fixed ? new Date(fixed) : new Date();
}

/** Tests only. Pass null to go back to the real clock. */
export function setNow(date: Date | null): void {
  fixed = date && new Date(date);
}
