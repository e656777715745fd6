// Renders two server components that each ask for the signed-in account, as a layout and its page do, with
// React's own server renderer; prints how many times Auth.js was asked and what each component got.
// Run by lib/current-user.int.test.ts with --conditions=react-server (React's server build, as Next.js uses).
import { Writable } from "node:stream";
import { createElement, Fragment } from "react";
import { renderToPipeableStream } from "next/dist/compiled/react-server-dom-webpack/server.node";
import { currentUser } from "@/lib/auth";

const g = globalThis as unknown as { authCalls: number; authSession: unknown };
const [uid, sv] = process.argv.slice(2);
g.authSession = { user: { id: uid, email: "", name: "", role: "moderator" }, sv: Number(sv), sat: Date.now() };

const seen: string[] = [];
async function Header() {
  seen.push((await currentUser())?.id ?? "none");
  return null;
}
async function Page() {
  seen.push((await currentUser())?.id ?? "none");
  return null;
}

function render() {
  return new Promise<void>((resolve, reject) => {
    const stream = renderToPipeableStream(
      createElement(Fragment, null, createElement(Header), createElement(Page)),
      {},
      { onError: reject },
    );
    stream.pipe(new Writable({ write: (_c, _e, cb) => cb(), final: (cb) => (resolve(), cb()) }));
  });
}

(async () => {
  await render();
  const perRequest = g.authCalls;
  await render();
  console.log(JSON.stringify({ perRequest, twoRequests: g.authCalls, seen }));
  process.exit(0);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
