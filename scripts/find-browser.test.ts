import { describe, expect, it } from "vitest";
import { findBrowser, NO_BROWSER, SYSTEM_CHROMIUM } from "./find-browser.mjs";

const PLAYWRIGHTS = "/home/dev/.cache/ms-playwright/chromium-1/chrome-linux64/chrome";

/** A machine with these files; each command it runs succeeds (0) or not, and may install a file. */
function machine(opts: {
  files?: string[];
  isRoot?: boolean;
  playwrightInstall?: "downloads" | "fails";
  aptInstall?: "installs" | "fails";
}) {
  const files = new Set(opts.files ?? []);
  const ran: string[] = [];
  const host = {
    exists: (f: string) => files.has(f),
    run: (cmd: string, args: string[]) => {
      ran.push(
        [
          cmd.endsWith("node") || cmd === process.execPath ? "node" : cmd,
          ...args.map((a) => a.replace(/^.*node_modules\//, "")),
        ].join(" "),
      );
      if (args.includes("install") && args.includes("chromium") && cmd === process.execPath) {
        if (opts.playwrightInstall !== "downloads") return 1;
        files.add(PLAYWRIGHTS);
        return 0;
      }
      if (cmd === "apt-get" && args[0] === "install") {
        if (opts.aptInstall !== "installs") return 100;
        files.add(SYSTEM_CHROMIUM);
        return 0;
      }
      return 0;
    },
    playwrightChromium: () => PLAYWRIGHTS,
    isRoot: opts.isRoot ?? false,
    log: () => undefined,
  };
  return { host, ran };
}

describe("findBrowser", () => {
  it("takes Debian's chromium first, and installs nothing", () => {
    const { host, ran } = machine({ files: [SYSTEM_CHROMIUM, PLAYWRIGHTS] });
    expect(findBrowser(host)).toEqual({ ok: true, executablePath: SYSTEM_CHROMIUM, source: "Debian's chromium" });
    expect(ran).toEqual([]);
  });

  it("else Playwright's, if it was installed before", () => {
    const { host, ran } = machine({ files: [PLAYWRIGHTS] });
    expect(findBrowser(host)).toMatchObject({ ok: true, executablePath: PLAYWRIGHTS });
    expect(ran).toEqual([]);
  });

  it("else runs `playwright install chromium` and takes what it downloaded", () => {
    const { host, ran } = machine({ playwrightInstall: "downloads", isRoot: true, files: ["/etc/debian_version"] });
    expect(findBrowser(host)).toMatchObject({
      ok: true,
      executablePath: PLAYWRIGHTS,
      source: "Playwright's chromium, just installed",
    });
    expect(ran).toEqual(["node @playwright/test/cli.js install chromium"]);
  });

  it("where Playwright cannot download, on Debian as root: apt-get install chromium", () => {
    const { host, ran } = machine({
      playwrightInstall: "fails",
      aptInstall: "installs",
      isRoot: true,
      files: ["/etc/debian_version"],
    });
    expect(findBrowser(host)).toMatchObject({
      ok: true,
      executablePath: SYSTEM_CHROMIUM,
      source: "Debian's chromium, just installed",
    });
    expect(ran).toEqual([
      "node @playwright/test/cli.js install chromium",
      "apt-get update -qq",
      "apt-get install -y -qq --no-install-recommends chromium",
    ]);
  });

  it("otherwise stops with one sentence saying what to install: not root, not Debian, or apt-get failing", () => {
    for (const opts of [
      { isRoot: false, files: ["/etc/debian_version"] },
      { isRoot: true, files: [] },
      { isRoot: true, files: ["/etc/debian_version"], aptInstall: "fails" as const },
    ]) {
      const { host, ran } = machine({ playwrightInstall: "fails", ...opts });
      expect(findBrowser(host)).toEqual({ ok: false, message: NO_BROWSER });
      expect(ran.some((r) => r.startsWith("apt-get install"))).toBe(opts.isRoot && opts.files.length > 0);
    }
    expect(NO_BROWSER.split(/[.!?] /)).toHaveLength(1);
    expect(NO_BROWSER).toMatch(/apt-get install chromium.*playwright install chromium/);
  });
});
