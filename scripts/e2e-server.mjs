// The end-to-end suite's server: a local SMTP sink (messages written to
// .data/mail-e2e/ as .eml files, where the tests read them), then the app
// (scripts/start.mjs) sending its mail there. Stops both on SIGTERM/SIGINT.
import { spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startMailSink } from "./mail-sink.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const MAIL_DIR = path.join(root, ".data", "mail-e2e");
rmSync(MAIL_DIR, { recursive: true, force: true });
mkdirSync(MAIL_DIR, { recursive: true });
let n = 0;
const sink = await startMailSink({
  onMessage(raw) {
    n += 1;
    writeFileSync(path.join(MAIL_DIR, `${Date.now()}-${process.pid}-${n}.eml`), raw);
  },
});
console.log(`[e2e] SMTP sink on ${sink.url}, messages in ${path.relative(root, MAIL_DIR)}/`);

const app = spawn(process.execPath, [path.join(root, "scripts/start.mjs")], {
  stdio: "inherit",
  env: { ...process.env, SMTP_URL: sink.url, MAIL_FROM: "Clausewise <consultation@test.clausewise.invalid>" },
});
const stop = (signal) => app.kill(signal);
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));
app.on("exit", async (code) => {
  await sink.stop();
  process.exit(code ?? 0);
});
