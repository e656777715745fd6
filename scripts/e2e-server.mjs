// The end-to-end suite's server: a local SMTP sink (messages written to
// .data/mail-e2e/ as .eml files, where the tests read them), then the app
// sending its mail there. With nginx installed (CI installs it), two app
// servers behind nginx on one database, as in production; otherwise one.
// Stops everything on SIGTERM/SIGINT.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startMailSink } from "./mail-sink.mjs";
import { NGINX, startNginx } from "./nginx-pair.mjs";
import { onStopSignal, serverArgs, startProcess, stopProcess, waitHealthy } from "./processes.mjs";

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

const port = Number(process.env.PORT || 3100);
const pair = NGINX !== null && process.env.E2E_INSTANCES !== "1";
const env = {
  ...process.env,
  SMTP_URL: sink.url,
  MAIL_FROM: "Clausewise <consultation@test.clausewise.invalid>",
  APP_URL: `http://localhost:${port}`,
};
const children = [];
// The first server may build the app first.
const wait = (url, child) => waitHealthy(url, { child, timeoutMs: 240_000, intervalMs: 100 });

if (!pair) {
  children.push(startProcess("app", ["scripts/start.mjs"], { env }));
} else {
  // The first server migrates, seeds and builds (start.mjs); the second starts once the first is up.
  const proxied = { ...env, TRUST_PROXY: "true" };
  children.push(startProcess("app 1", ["scripts/start.mjs"], { env: { ...proxied, PORT: String(port + 1) } }));
  await wait(`http://127.0.0.1:${port + 1}/api/health`, children[0]);
  children.push(
    startProcess("app 2", serverArgs(), {
      env: { ...proxied, PORT: String(port + 2), NODE_ENV: "production" },
    }),
  );
  await wait(`http://127.0.0.1:${port + 2}/api/health`, children[1]);
  children.push(
    startNginx({ port, upstreams: [port + 1, port + 2], prefix: path.join(root, ".data", `nginx-e2e-${process.pid}`) }),
  );
  console.log(`[e2e] nginx on :${port} → app servers on :${port + 1} and :${port + 2}`);
}

// nginx (the third) stops gracefully on SIGQUIT; each server drains its requests first.
onStopSignal((signal) => {
  for (const c of children.slice().reverse()) void stopProcess(c, { signal: c === children[2] ? "SIGQUIT" : signal });
});
await Promise.all(children.map((c) => c.exited));
await sink.stop();
rmSync(path.join(root, ".data", `nginx-e2e-${process.pid}`), { recursive: true, force: true });
process.exit(0);
