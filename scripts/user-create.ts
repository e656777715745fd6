// npm run user:create -- --email ana@example.org --role admin [--name "Ana Silva"] [--password …]
//   delegates also: --country FR --delegation-role drafter|approver
// Creates an account (or resets its password, name and role). Without
// --password, a strong one is generated and printed once.
// Uses DATABASE_URL; when it is unset, the embedded database of `npm start`
// (running or not).
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";

const USAGE =
  "usage: npm run user:create -- --email <address> --role admin|moderator|delegate [--name <name>] [--password <password>] [--country XX --delegation-role drafter|approver]";

function readArgs() {
  try {
    return parseArgs({
      options: {
        email: { type: "string" },
        role: { type: "string" },
        name: { type: "string" },
        password: { type: "string" },
        country: { type: "string" },
        "delegation-role": { type: "string" },
        quiet: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    }).values;
  } catch (e) {
    // An unknown or malformed option: say which, and how to call it, without a stack trace.
    console.error(`${e instanceof Error ? e.message : e}\n${USAGE}`);
    process.exit(2);
  }
}

const values = readArgs();
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

async function main() {
  if (!values.email || !values.role || !["admin", "moderator", "delegate"].includes(values.role)) {
    console.error(USAGE);
    process.exit(2);
  }
  let stopDb: (() => Promise<void>) | undefined;
  if (!process.env.DATABASE_URL) {
    const { embeddedDatabaseUrl } = await import("./embedded-url.mjs");
    const found = await embeddedDatabaseUrl();
    process.env.DATABASE_URL = found.url;
    stopDb = found.stop;
  }
  const { createUser } = await import("@/lib/users/create-user");
  const { db } = await import("@/lib/db");
  const password = values.password ?? randomBytes(15).toString("base64url");
  try {
    const user = await createUser({
      email: values.email,
      role: values.role as "admin",
      name: values.name ?? values.email.split("@")[0],
      password,
      country: values.country?.toUpperCase(),
      delegationRole: values["delegation-role"] as "drafter" | undefined,
    });
    if (!values.quiet) {
      console.log(`${user.role} account ready: ${user.email}`);
      if (!values.password) console.log(`password (shown once): ${password}`);
    }
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  } finally {
    await db.$disconnect();
    await stopDb?.();
  }
}

main();
