// The settings of scripts/server.mjs, read from the environment and checked
// before anything starts: a typo (MAX_IN_FLIGHT=abc) stops the server with a
// message instead of silently turning a protection off.

/** Thrown for a setting the server cannot start with; its message names the variable. */
export class SettingError extends Error {}

/**
 * @param {Record<string, string | undefined>} env
 */
export function readServerSettings(env) {
  const given = (name) => (env[name] === undefined || env[name] === "" ? undefined : String(env[name]).trim());
  const integer = (name, fallback, min, max) => {
    const raw = given(name);
    if (raw === undefined) return fallback;
    if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) throw new SettingError(`${name}=${raw} is not a whole number from ${min} to ${max}`);
    return Number(raw);
  };
  const flag = (name) => {
    const raw = given(name);
    if (raw === undefined || raw === "false" || raw === "0") return false;
    if (raw === "true" || raw === "1") return true;
    throw new SettingError(`${name}=${raw} must be true, false, 1 or 0`);
  };
  const trustProxy = flag("TRUST_PROXY");
  const appUrl = given("APP_URL");
  if (appUrl !== undefined) {
    try {
      if (!/^https?:$/.test(new URL(appUrl).protocol)) throw new Error();
    } catch {
      throw new SettingError(`APP_URL=${appUrl} is not an http:// or https:// address`);
    }
  }
  const maxInFlight = integer("MAX_IN_FLIGHT", 96, 1, 100_000);
  return {
    port: integer("PORT", 3000, 1, 65_535),
    // Behind a proxy, only the proxy (on this machine) may reach the app: a client that reached it directly could write its own X-Forwarded-For.
    hostname: given("HOSTNAME") ?? (trustProxy ? "127.0.0.1" : "0.0.0.0"),
    trustProxy,
    appUrl,
    maxInFlight,
    maxInFlightPerClient: integer("MAX_IN_FLIGHT_PER_CLIENT", Math.min(24, maxInFlight), 0, 100_000),
    logLevel: given("LOG_LEVEL") ?? "info",
    // Load shedding on the event loop itself (lib/http/overload.mjs): 0 and 100 turn each signal off.
    maxEventLoopDelayMs: integer("MAX_EVENT_LOOP_DELAY_MS", 40, 0, 10_000),
    maxEventLoopUtilisation: integer("MAX_EVENT_LOOP_UTILISATION", 100, 1, 100) / 100,
  };
}
