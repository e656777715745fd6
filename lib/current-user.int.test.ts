// currentUser() reads the account once per request (React's cache): a layout and its page both asking for it
// cost one read of the session and the database, and the next request reads again.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { staff } from "@/test/db-fixtures";

const root = path.resolve(__dirname, "..");
const stub = path.join(root, "test/current-user/next-auth-stub.ts");

describe("currentUser", () => {
  it("is read once per request however many components ask", { timeout: 60_000 }, async () => {
    const user = await staff("moderator");
    const { sessionVersion } = await db.appUser.findUniqueOrThrow({
      where: { id: user.id },
      select: { sessionVersion: true },
    });
    // The scripts' tsconfig, with Auth.js replaced by a stub that counts the sessions it is asked for (the database is real).
    const dir = mkdtempSync(path.join(os.tmpdir(), "current-user-"));
    const tsconfig = path.join(dir, "tsconfig.json");
    writeFileSync(
      tsconfig,
      JSON.stringify({
        extends: path.join(root, "tsconfig.scripts.json"),
        compilerOptions: {
          paths: {
            "@/*": [path.join(root, "*")],
            "server-only": [path.join(root, "node_modules/server-only/empty.js")],
            "next-auth": [stub],
            "next-auth/jwt": [stub],
            "next-auth/providers/credentials": [stub],
            // next-intl's server entry points at a client component (its provider), which only Next.js's bundler
            // turns into a reference; the translator the mail code uses is use-intl's core.
            "next-intl": [path.join(root, "node_modules/use-intl/dist/esm/production/core.js")],
          },
        },
      }),
    );
    const r = spawnSync(
      process.execPath,
      [
        "--conditions=react-server",
        "--import",
        path.join(root, "scripts/ts-loader.mjs"),
        path.join(root, "test/current-user/probe.ts"),
        user.id,
        String(sessionVersion),
      ],
      { cwd: root, env: { ...process.env, TSX_TSCONFIG_PATH: tsconfig }, encoding: "utf8", timeout: 50_000 },
    );
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout.trim().split("\n").at(-1) ?? "{}");
    expect(out.seen).toEqual([user.id, user.id, user.id, user.id]);
    expect(out.perRequest).toBe(1);
    expect(out.twoRequests).toBe(2);
  });
});
