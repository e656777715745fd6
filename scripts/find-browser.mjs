// The Chromium the end-to-end tests run in, found (or installed) by `npm test`
// itself, so that a fresh machine needs nothing installed by hand:
//   1. Debian's chromium (/usr/bin/chromium), as on CI;
//   2. Playwright's own, if `playwright install chromium` was run before;
//   3. else `playwright install chromium` (a download from Playwright's servers);
//   4. where that cannot download, on Debian as root: `apt-get install -y chromium`;
//   5. else one sentence saying what to install, and the end-to-end step does not run.
// The path found goes to playwright.config.ts in CLAUSEWISE_CHROMIUM.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { root } from "./project.mjs";

export const SYSTEM_CHROMIUM = "/usr/bin/chromium";
export const NO_BROWSER =
  "No Chromium for the end-to-end tests, and none could be installed: install Debian's (`sudo apt-get install chromium`) or Playwright's (`npx playwright install chromium`), then run `npm test` again.";

/**
 * @typedef {{
 *   exists: (file: string) => boolean,
 *   run: (cmd: string, args: string[]) => number,
 *   playwrightChromium: () => string | null,
 *   isRoot: boolean,
 *   log: (line: string) => void,
 * }} TBrowserHost
 */

/**
 * @param {TBrowserHost} host what the search may look at and run (injected by the tests)
 * @returns {{ ok: true, executablePath: string, source: string } | { ok: false, message: string }}
 */
export function findBrowser(host) {
  const playwrights = () => {
    const p = host.playwrightChromium();
    return p && host.exists(p) ? p : null;
  };
  if (host.exists(SYSTEM_CHROMIUM)) return { ok: true, executablePath: SYSTEM_CHROMIUM, source: "Debian's chromium" };
  const installed = playwrights();
  if (installed) return { ok: true, executablePath: installed, source: "Playwright's chromium" };

  host.log("No Chromium found: running `playwright install chromium`…");
  if (
    host.run(process.execPath, [path.join(root, "node_modules/@playwright/test/cli.js"), "install", "chromium"]) === 0
  ) {
    const downloaded = playwrights();
    if (downloaded) return { ok: true, executablePath: downloaded, source: "Playwright's chromium, just installed" };
  }
  if (host.exists("/etc/debian_version") && host.isRoot) {
    host.log("Playwright could not download Chromium: running `apt-get install -y chromium` (Debian, root)…");
    host.run("apt-get", ["update", "-qq"]);
    if (
      host.run("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "chromium"]) === 0 &&
      host.exists(SYSTEM_CHROMIUM)
    ) {
      return { ok: true, executablePath: SYSTEM_CHROMIUM, source: "Debian's chromium, just installed" };
    }
  }
  return { ok: false, message: NO_BROWSER };
}

/** This machine, for findBrowser. */
export async function thisMachine() {
  const { chromium } = await import("playwright-core");
  return {
    exists: existsSync,
    // At most 5 minutes a command: a download that a firewall swallows must not hold the test run for good.
    run: (cmd, args) =>
      spawnSync(cmd, args, {
        cwd: root,
        stdio: "inherit",
        timeout: 300_000,
        env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
      }).status ?? 1,
    playwrightChromium: () => {
      try {
        return chromium.executablePath();
      } catch {
        return null;
      }
    },
    isRoot: process.getuid?.() === 0,
    log: (line) => console.log(line),
  };
}
