import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readServerSettings } from "./server-settings.mjs";

describe("readServerSettings", () => {
  it("has safe defaults: load shedding on, 24 requests at once per client, every interface without a proxy", () => {
    expect(readServerSettings({})).toEqual({
      port: 3000,
      hostname: "0.0.0.0",
      trustProxy: false,
      appUrl: undefined,
      maxInFlight: 192,
      maxInFlightPerClient: 24,
      logLevel: "info",
      maxEventLoopDelayMs: 40,
      maxEventLoopUtilisation: 1,
      uploadBodyLimit: 27 * 1024 * 1024,
    });
    expect(readServerSettings({ MAX_IN_FLIGHT: "", PORT: "" }).maxInFlight).toBe(192);
  });

  it("listens on 127.0.0.1 only behind a proxy, unless HOSTNAME says otherwise", () => {
    expect(readServerSettings({ TRUST_PROXY: "true" }).hostname).toBe("127.0.0.1");
    expect(readServerSettings({ TRUST_PROXY: "1", HOSTNAME: "10.0.0.5" }).hostname).toBe("10.0.0.5");
  });

  it("refuses to start on a setting it cannot read, naming it", () => {
    for (const [name, value] of [
      ["MAX_IN_FLIGHT", "abc"],
      ["MAX_IN_FLIGHT", "0"],
      ["MAX_IN_FLIGHT", "1.5"],
      ["MAX_IN_FLIGHT", "1e3"],
      ["MAX_IN_FLIGHT_PER_CLIENT", "-1"],
      ["MAX_EVENT_LOOP_UTILISATION", "0"],
      ["MAX_EVENT_LOOP_DELAY_MS", "fast"],
      ["PORT", "70000"],
      ["TRUST_PROXY", "yes"],
      ["LOG_LEVEL", "verbose"],
      ["APP_URL", "localhost:3000"],
      ["APP_URL", "ftp://x"],
    ]) {
      expect(() => readServerSettings({ [name]: value }), `${name}=${value}`).toThrow(
        new RegExp(`^${name}=${value.replace(".", "\\.")}: `),
      );
    }
  });

  it("checks the whole environment as the app does, and never repeats a secret's value", () => {
    expect(() => readServerSettings({ DATABASE_POOL_SIZE: "lots" })).toThrow(/^DATABASE_POOL_SIZE=lots: /);
    expect(() => readServerSettings({ AUTH_SECRET: "short-secret" })).toThrow(/^AUTH_SECRET: /);
    expect(() => readServerSettings({ AUTH_SECRET: "short-secret" })).not.toThrow(/short-secret/);
  });

  it("reads what it is given; 0 turns the per-client limit off", () => {
    const s = readServerSettings({
      MAX_IN_FLIGHT: "200",
      MAX_IN_FLIGHT_PER_CLIENT: "0",
      PORT: "8080",
      TRUST_PROXY: "false",
      APP_URL: "https://consult.example.org",
      LOG_LEVEL: "warn",
    });
    expect(s).toMatchObject({
      maxInFlight: 200,
      maxInFlightPerClient: 0,
      port: 8080,
      trustProxy: false,
      appUrl: "https://consult.example.org",
      logLevel: "warn",
    });
    expect(readServerSettings({ MAX_IN_FLIGHT: " 10 " }).maxInFlightPerClient).toBe(10);
  });
});

describe("scripts/server.mjs", () => {
  it("does not start with MAX_IN_FLIGHT=abc: exit code 1 and one message naming the variable", () => {
    const r = spawnSync(process.execPath, [path.join(__dirname, "server.mjs")], {
      env: { PATH: process.env.PATH, NODE_ENV: "production", PORT: "1", MAX_IN_FLIGHT: "abc" },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toMatch(
      /^\[server\] cannot start, an environment variable is not valid: MAX_IN_FLIGHT=abc: must be a whole number from 1 to 100000$/,
    );
    expect(r.stdout).not.toContain("ready");
  }, 30_000);
});
