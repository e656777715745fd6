// The JSON API's submissions are answered by scripts/server.mjs itself (lib/api/post-response.ts's
// servePostResponse, registered by instrumentation.ts), not by Next.js's route: through nginx and both app
// servers, the same headers, the same idempotency, the same refusals, and each response stored once.
import { expect, test } from "@playwright/test";
import { sql } from "./helpers";

const PATH = "/api/consultations/dpsi/responses";
const respondent = {
  type: "individual",
  country: "FR",
  publicSector: false,
  publication: "none",
  privacyConsent: true,
};

test("the JSON API answered by the server itself keeps its headers, idempotency and refusals, and stores each response once", async ({
  request,
}) => {
  const key = `ingest-e2e-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const body = { idempotencyKey: key, generalComment: "Stored once through the API.", respondent };

  const first = await request.post(PATH, { data: body });
  expect(first.status()).toBe(201);
  const h = first.headers();
  expect(h["content-type"]).toContain("application/json");
  expect(h["cache-control"]).toBe("no-store");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["x-frame-options"]).toBe("DENY");
  expect(h["referrer-policy"]).toBe("same-origin");
  expect(h["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(h["x-request-id"]).toMatch(/^[A-Za-z0-9-]{8,64}$/);
  const created = await first.json();
  expect(created).toMatchObject({ reference: expect.stringMatching(/^[A-Z0-9]+-\d{4}-\d{6,}$/), replayed: false });
  expect(created.receiptUrl).toMatch(new RegExp(`^/en/c/dpsi/receipt/${created.reference}\\?key=`));

  // Retries of the very same request, whichever server nginx picks: the first answer, not a second response.
  for (let i = 0; i < 4; i++) {
    const again = await request.post(PATH, { data: body });
    expect(again.status()).toBe(200);
    expect(await again.json()).toMatchObject({ reference: created.reference, replayed: true });
  }
  // The key in the Idempotency-Key header instead of the body is the same key.
  const byHeader = await request.post(PATH, {
    data: { generalComment: body.generalComment, respondent },
    headers: { "idempotency-key": key },
  });
  expect(byHeader.status()).toBe(200);
  expect((await byHeader.json()).reference).toBe(created.reference);
  // The same key with other answers: refused, nothing stored.
  const reused = await request.post(PATH, { data: { ...body, generalComment: "Other answers." } });
  expect(reused.status()).toBe(409);
  expect((await reused.json()).error.code).toBe("idempotency_key_reused");
  const rows = await sql<{ n: number; channel: string }>(
    "SELECT count(*)::int AS n, min(channel) AS channel FROM response WHERE idempotency_key = $1",
    [key],
  );
  expect(rows[0]).toEqual({ n: 1, channel: "api" });
  expect((await request.get(created.receiptUrl)).status()).toBe(200);

  // Refusals keep their statuses and codes.
  const invalid = await request.post(PATH, { data: { respondent: {} }, headers: { "accept-language": "fr" } });
  expect(invalid.status()).toBe(400);
  const fields = (await invalid.json()).error.fields as { field: string; message: string }[];
  expect(fields.length).toBeGreaterThan(0);
  expect(fields.find((f) => f.field === "respondent.type")?.message).toBeTruthy();
  expect((await request.post(PATH, { form: { a: "b" } })).status()).toBe(415);
  expect((await request.post(PATH, { headers: { "content-type": "application/json" }, data: "{oops" })).status()).toBe(
    400,
  );
  expect((await request.post(PATH, { headers: { origin: "https://evil.example" }, data: body })).status()).toBe(403);
  const unknown = await request.post("/api/consultations/no-such-consultation/responses", {
    data: { ...body, idempotencyKey: `${key}-x` },
  });
  expect(unknown.status()).toBe(404);
  expect((await unknown.json()).error.code).toBe("not_found");
});
