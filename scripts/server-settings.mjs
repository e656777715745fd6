// The settings of scripts/server.mjs, from the app's own environment schema
// (lib/env-schema.mjs, which lib/env.ts parses too), checked before anything
// starts: a typo (MAX_IN_FLIGHT=abc) stops the server with a message naming
// the variable instead of silently turning a protection off. The whole
// environment is checked, so a bad value the app would trip on later stops
// the start as well.
import { EnvError, readEnv } from "../lib/env-schema.mjs";

/** Thrown for a setting the server cannot start with; its message names the variable. */
export { EnvError as SettingError };

/**
 * @param {Record<string, string | undefined>} [source] process.env by default
 */
export function readServerSettings(source = process.env) {
  const e = readEnv(source);
  return {
    port: e.PORT,
    // Behind a proxy, only the proxy (on this machine) may reach the app: a client that reached it directly could write its own X-Forwarded-For.
    hostname: e.HOSTNAME ?? (e.TRUST_PROXY ? "127.0.0.1" : "0.0.0.0"),
    trustProxy: e.TRUST_PROXY,
    appUrl: e.APP_URL,
    maxInFlight: e.MAX_IN_FLIGHT,
    maxInFlightPerClient: e.MAX_IN_FLIGHT_PER_CLIENT ?? Math.min(24, e.MAX_IN_FLIGHT),
    logLevel: e.LOG_LEVEL,
    // Load shedding on the event loop itself (lib/http/overload.mjs): 0 and 100 turn each signal off.
    maxEventLoopDelayMs: e.MAX_EVENT_LOOP_DELAY_MS,
    maxEventLoopUtilisation: e.MAX_EVENT_LOOP_UTILISATION / 100,
    // A response with its attachments (lib/attachments/): the files' total and room for the text and the envelope.
    uploadBodyLimit: (e.ATTACHMENT_MAX_RESPONSE_MB + 2) * 1024 * 1024,
  };
}
