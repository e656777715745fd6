// The layout rules of eslint.config.mjs fire where they should and stay quiet elsewhere: each case lints a
// small piece of code as if it were a file at that path, with the project's own configuration.
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: path.resolve(__dirname) });

async function lint(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: path.resolve(__dirname, filePath) });
  return result.messages.map((m) => ({ rule: m.ruleId, message: m.message }));
}

const TIMEOUT = 60_000;

describe("eslint layout rules", () => {
  it("refuses a components/ file importing app/ (alias or relative path)", { timeout: TIMEOUT }, async () => {
    for (const from of ["@/app/[locale]/sign-in/actions", "../../app/[locale]/moderate/actions"]) {
      const messages = await lint(
        "components/moderate/probe.tsx",
        `import { x } from "${from}";\nexport const y = x;\n`,
      );
      expect(messages).toContainEqual({
        rule: "no-restricted-imports",
        message: expect.stringContaining("components/ never imports app/"),
      });
    }
  });

  it("refuses app/ and components/ importing the database client, raw pools or pg", { timeout: TIMEOUT }, async () => {
    const cases = [
      ["app/[locale]/probe/page.tsx", "@/lib/db"],
      ["app/api/probe/route.ts", "@/lib/raw-pools"],
      ["app/[locale]/probe/actions.ts", "pg"],
      ["app/[locale]/probe/page.tsx", "@/lib/generated/prisma/client"],
      ["components/probe.tsx", "@/lib/db"],
      ["components/probe.tsx", "../lib/db"],
    ];
    for (const [file, from] of cases) {
      const messages = await lint(file, `import { x } from "${from}";\nexport const y = x;\n`);
      expect(messages, `${file} importing ${from}`).toContainEqual({
        rule: "no-restricted-imports",
        message: expect.stringContaining("never reach the database"),
      });
    }
  });

  it("lets lib/ use the database and app/ use lib functions and components", { timeout: TIMEOUT }, async () => {
    expect(await lint("lib/probe/list-things.ts", `import { db } from "@/lib/db";\nexport const y = db;\n`)).toEqual(
      [],
    );
    const page = `import { listErasures } from "@/lib/privacy/erase-responses";\nimport { Notice } from "@/components/ui/notice";\nexport const y = [listErasures, Notice];\n`;
    expect(await lint("app/[locale]/probe/page.tsx", page)).toEqual([]);
  });

  it("refuses process.env outside lib/env.ts and the files listed in the config", { timeout: TIMEOUT }, async () => {
    const code = `export const port = process.env.PORT;\n`;
    for (const file of ["lib/probe/read-port.ts", "app/api/probe/route.ts", "components/probe.tsx", "proxy.ts"]) {
      expect(await lint(file, code), file).toContainEqual({
        rule: "no-restricted-properties",
        message: expect.stringContaining("Read settings through env()"),
      });
    }
    expect(
      await lint("lib/probe/read-port.ts", `const { env } = process;\nexport const port = env.PORT;\n`),
    ).toContainEqual(expect.objectContaining({ rule: "no-restricted-properties" }));
    for (const file of ["lib/env.ts", "instrumentation.ts", "scripts/probe.mjs", "lib/probe/read-port.int.test.ts"]) {
      expect(await lint(file, code), file).toEqual([]);
    }
  });

  it("refuses $queryRawUnsafe and $executeRawUnsafe everywhere", { timeout: TIMEOUT }, async () => {
    for (const call of ["$queryRawUnsafe", "$executeRawUnsafe"]) {
      const code = `import { db } from "@/lib/db";\nexport const run = (sql: string) => db.${call}(sql);\n`;
      for (const file of ["lib/probe/run-sql.ts", "scripts/probe.ts"]) {
        expect(await lint(file, code), `${file} ${call}`).toContainEqual({
          rule: "no-restricted-syntax",
          message: expect.stringContaining("no *Unsafe calls"),
        });
      }
    }
  });
});
