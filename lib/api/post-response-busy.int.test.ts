// When every database connection is taken, a submission is answered 503 with
// Retry-After within DATABASE_POOL_TIMEOUT_MS: never a crash, never a hang.
import { expect, it } from "vitest";
import { createConsultation, respondent, uniqueSlug } from "@/test/db-fixtures";

// Before anything reads the environment: this file's app has one connection and waits 300 ms for it.
process.env.DATABASE_POOL_SIZE = "1";
process.env.DATABASE_POOL_TIMEOUT_MS = "300";

async function connected(db: { $queryRaw: (q: TemplateStringsArray) => Promise<unknown> }) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$queryRaw`SELECT 1`;
    } catch (err) {
      if (attempt >= 50) throw err;
    }
  }
}

it("answers 503 with Retry-After while the pool is saturated, and 201 once it is free", async () => {
  const { db } = await import("@/lib/db");
  const { postResponse } = await import("./post-response");
  // The pool's one connection, made first: on a busy machine, making it can take longer than the 300 ms
  // this file allows for waiting, and that wait is what the test is about, not the connecting.
  await connected(db);
  const c = await createConsultation();
  const request = () =>
    new Request("http://localhost/api", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ generalComment: "Busy?", respondent }),
    });
  // Hold the only connection for a second.
  let release!: () => void;
  let holding!: () => void;
  const holds = new Promise<void>((r) => (holding = r));
  const held = db.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT 1`;
      holding();
      await new Promise<void>((r) => (release = r));
    },
    { timeout: 10_000 },
  );
  // Wait for the state (the connection taken), not for a time: a busy machine may take longer to get there.
  await holds;
  const started = Date.now();
  const busy = await postResponse(request(), c.slug, uniqueSlug("ip"));
  expect(busy.status).toBe(503);
  expect(busy.headers?.["Retry-After"]).toBe("5");
  expect(Date.now() - started).toBeLessThan(3000);
  release();
  await held;
  await connected(db);
  expect((await postResponse(request(), c.slug, uniqueSlug("ip"))).status).toBe(201);
});

it("refuses a browser page of another site (Origin), and accepts programs (no Origin) and this site", async () => {
  const { postResponse } = await import("./post-response");
  const c = await createConsultation();
  const post = (headers: Record<string, string>) =>
    postResponse(
      new Request("http://localhost:3000/api", {
        method: "POST",
        headers: { "content-type": "application/json", host: "localhost:3000", ...headers },
        body: JSON.stringify({ generalComment: "Origin?", respondent }),
      }),
      c.slug,
      uniqueSlug("ip"),
    );
  expect((await post({ origin: "https://evil.example" })).status).toBe(403);
  expect((await post({ origin: "null" })).status).toBe(403);
  expect((await post({})).status).toBe(201);
  expect((await post({ origin: "http://localhost:3000" })).status).toBe(201);
});
