import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { verifyCredentials } from "@/lib/users/verify-credentials";

const root = path.resolve(__dirname, "..");
const run = (...args: string[]) =>
  spawnSync(
    process.execPath,
    ["--import", path.join(root, "scripts/ts-loader.mjs"), path.join(root, "scripts/user-create.ts"), ...args],
    { cwd: root, env: process.env, encoding: "utf8" },
  );

describe("npm run user:create", () => {
  it("creates an account that can sign in, and prints a generated password once", async () => {
    const email = `cli-${Date.now()}@Example.org`;
    const r = run("--email", email, "--role", "admin", "--name", "Ana Silva");
    expect(r.status, r.stderr).toBe(0);
    const password = /password \(shown once\): (\S+)/.exec(r.stdout)?.[1];
    expect(password).toBeTruthy();
    const user = await db.appUser.findUniqueOrThrow({ where: { email: email.toLowerCase() } });
    expect(user).toMatchObject({ role: "admin", name: "Ana Silva" });
    expect(await verifyCredentials(email, password!)).toMatchObject({ ok: true });
  });

  it("refuses a missing or unknown role, and a short password", () => {
    expect(run("--email", "x@example.org").status).toBe(2);
    expect(run("--email", "x@example.org", "--role", "root").status).toBe(2);
    const short = run("--email", "x@example.org", "--role", "moderator", "--password", "short");
    expect(short.status).toBe(1);
    expect(short.stderr).toContain("12 characters");
  });

  it("prints how to call it for --help, and names an unknown option instead of crashing", () => {
    const help = run("--help");
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("usage: npm run user:create -- --email <address> --role");
    const typo = run("--emial", "x@example.org", "--role", "admin");
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain("--emial");
    expect(typo.stderr).toContain("usage:");
    expect(typo.stderr).not.toMatch(/\bat [\w.]+ \(/); // no stack trace
  });
});
