import { expect, test } from "@playwright/test";

// Whatever arrives, the answer is a 4xx with a reason, never a 500.
test("malformed requests get a 4xx, never a 500", async ({ request }) => {
  const big = "a".repeat(1_200_000);
  const cases: [string, () => Promise<{ status(): number }>, number][] = [
    [
      "garbage multipart form",
      () =>
        request.post("/en/c/dpsi/respond", {
          headers: { "content-type": "multipart/form-data; boundary=zzz" },
          data: "garbage",
        }),
      400,
    ],
    [
      "oversized form",
      () =>
        request.post("/en/c/dpsi/respond", {
          headers: { "content-type": "application/x-www-form-urlencoded" },
          data: `a=${big}`,
        }),
      413,
    ],
    ["undecodable page address", () => request.get("/en/c/%FF%FE"), 400],
    ["undecodable API address", () => request.get("/api/consultations/%FF%FE"), 400],
    ["unknown consultation", () => request.get("/api/consultations/nope"), 404],
    [
      "oversized JSON",
      () =>
        request.post("/api/consultations/dpsi/responses", {
          headers: { "content-type": "application/json" },
          data: `{"generalComment":"${big}"}`,
        }),
      413,
    ],
    ["form post to the API", () => request.post("/api/consultations/dpsi/responses", { form: { a: "b" } }), 415],
    [
      "invalid JSON",
      () =>
        request.post("/api/consultations/dpsi/responses", {
          headers: { "content-type": "application/json" },
          data: "{oops",
        }),
      400,
    ],
    [
      "invalid UTF-8",
      () =>
        request.post("/api/consultations/dpsi/responses", {
          headers: { "content-type": "application/json" },
          data: Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]),
        }),
      400,
    ],
    [
      "wrong types",
      () => request.post("/api/consultations/dpsi/responses", { data: { feedback: 7, respondent: "me" } }),
      400,
    ],
    ["receipt with a bad key", () => request.get("/en/c/dpsi/receipt/DPSI-2026-000001?key=%C3%A9"), 404],
    [
      "bogus Server Action id",
      () =>
        request.post("/en/c/dpsi/respond", {
          headers: { "next-action": "deadbeef", "content-type": "text/plain" },
          data: "[]",
        }),
      400,
    ],
  ];
  for (const [name, send, expected] of cases) {
    expect((await send()).status(), name).toBe(expected);
  }
});
