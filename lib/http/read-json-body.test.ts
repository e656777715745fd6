import { describe, it, expect } from "vitest";
import { jsonBodyFrom, MAX_BODY_BYTES, readJsonBody } from "./read-json-body";

const JSON_TYPE = { "content-type": "application/json" };

function post(body: BodyInit | null, headers: Record<string, string> = JSON_TYPE): Request {
  return new Request("http://x", { method: "POST", headers, body });
}

/** A body streamed in chunks, so the request carries no Content-Length. */
function streamed(chunks: Uint8Array[] | (() => Uint8Array), onCancel?: () => void): Request {
  let i = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (typeof chunks === "function") controller.enqueue(chunks());
      else if (i < chunks.length) controller.enqueue(chunks[i++]);
      else controller.close();
    },
    cancel() {
      onCancel?.();
    },
  });
  const init = { method: "POST", headers: JSON_TYPE, body: stream, duplex: "half" } as RequestInit;
  return new Request("http://x", init);
}

const bytes = (s: string) => new TextEncoder().encode(s);

describe("readJsonBody", () => {
  it("has a 1 MiB default cap", () => {
    expect(MAX_BODY_BYTES).toBe(1024 * 1024);
  });

  it("reads valid JSON", async () => {
    expect(await readJsonBody(post('{"a":[1,"é",null]}'), 64)).toEqual({ ok: true, value: { a: [1, "é", null] } });
  });

  it("accepts a charset parameter and any case in the media type", async () => {
    expect(await readJsonBody(post("[1]", { "content-type": "application/json; charset=utf-8" }), 64)).toEqual({
      ok: true,
      value: [1],
    });
    expect(await readJsonBody(post("[2]", { "content-type": "Application/JSON" }), 64)).toEqual({
      ok: true,
      value: [2],
    });
  });

  it("refuses other content types with 415", async () => {
    const refused = { ok: false, status: 415, code: "unsupported_media_type" };
    expect(await readJsonBody(post("{}", { "content-type": "text/plain" }), 64)).toEqual(refused);
    expect(await readJsonBody(post("{}", { "content-type": "application/x-www-form-urlencoded" }), 64)).toEqual(
      refused,
    );
    expect(await readJsonBody(post("{}", { "content-type": "application/json-patch+json" }), 64)).toEqual(refused);
    expect(
      await readJsonBody(new Request("http://x", { method: "POST", body: new Uint8Array(bytes("{}")) }), 64),
    ).toEqual(refused);
  });

  it("refuses a declared Content-Length over the cap with 413", async () => {
    const r = await readJsonBody(post("{}", { ...JSON_TYPE, "content-length": "17" }), 16);
    expect(r).toEqual({ ok: false, status: 413, code: "body_too_large" });
  });

  it("refuses a body over the cap even when Content-Length understates it", async () => {
    const body = `"${"x".repeat(30)}"`;
    const r = await readJsonBody(post(body, { ...JSON_TYPE, "content-length": "2" }), 16);
    expect(r).toEqual({ ok: false, status: 413, code: "body_too_large" });
  });

  it("accepts a body of exactly the cap", async () => {
    const body = `"${"x".repeat(14)}"`;
    expect(bytes(body).byteLength).toBe(16);
    expect(await readJsonBody(post(body), 16)).toEqual({ ok: true, value: "x".repeat(14) });
    expect(await readJsonBody(post(`"${"x".repeat(15)}"`), 16)).toEqual({
      ok: false,
      status: 413,
      code: "body_too_large",
    });
  });

  it("counts bytes, not characters", async () => {
    // 6 characters, but 10 bytes in UTF-8: two quotes + 4 × 2 bytes for "é".
    expect(await readJsonBody(post('"éééé"'), 9)).toEqual({ ok: false, status: 413, code: "body_too_large" });
    expect(await readJsonBody(post('"éééé"'), 10)).toEqual({ ok: true, value: "éééé" });
  });

  it("refuses a streamed body over the cap without Content-Length", async () => {
    const request = streamed([bytes('{"a":"'), bytes("x".repeat(10)), bytes('"}')]);
    expect(request.headers.get("content-length")).toBeNull();
    expect(await readJsonBody(request, 16)).toEqual({ ok: false, status: 413, code: "body_too_large" });
  });

  it("stops reading an endless stream at the cap and cancels it", async () => {
    let cancelled = false;
    const request = streamed(
      () => bytes("[1,"),
      () => {
        cancelled = true;
      },
    );
    expect(await readJsonBody(request, 64)).toEqual({ ok: false, status: 413, code: "body_too_large" });
    expect(cancelled).toBe(true);
  });

  it("reads a streamed body under the cap across chunks, even with a character split between chunks", async () => {
    const all = bytes('{"k":"é"}');
    const split = all.indexOf(0xc3) + 1; // inside the two bytes of "é"
    const request = streamed([all.slice(0, split), all.slice(split)]);
    expect(await readJsonBody(request, 64)).toEqual({ ok: true, value: { k: "é" } });
  });

  it("refuses invalid UTF-8 with 400 invalid_utf8", async () => {
    expect(await readJsonBody(post(new Uint8Array([0xff, 0xfe])), 64)).toEqual({
      ok: false,
      status: 400,
      code: "invalid_utf8",
    });
    expect(await readJsonBody(post(new Uint8Array([0x22, 0xc3, 0x22])), 64)).toEqual({
      ok: false,
      status: 400,
      code: "invalid_utf8",
    });
  });

  it("refuses invalid JSON with 400 invalid_json", async () => {
    const invalid = { ok: false, status: 400, code: "invalid_json" };
    expect(await readJsonBody(post("{not json"), 64)).toEqual(invalid);
    expect(await readJsonBody(post("{'a':1}"), 64)).toEqual(invalid);
    expect(await readJsonBody(post('{"a":1} trailing'), 64)).toEqual(invalid);
  });

  it("refuses an empty body as invalid JSON", async () => {
    expect(await readJsonBody(post(null), 64)).toEqual({ ok: false, status: 400, code: "invalid_json" });
    expect(await readJsonBody(post(""), 64)).toEqual({ ok: false, status: 400, code: "invalid_json" });
  });
});

describe("jsonBodyFrom (a body scripts/server.mjs has read whole)", () => {
  it("answers as readJsonBody does, case by case", async () => {
    const cases: [Record<string, string>, Uint8Array][] = [
      [JSON_TYPE, bytes('{"a":1}')],
      [{ "content-type": "application/json; charset=utf-8" }, bytes("[1,2]")],
      [{ "content-type": "text/plain" }, bytes('{"a":1}')],
      [{}, bytes('{"a":1}')],
      [JSON_TYPE, new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d])],
      [JSON_TYPE, bytes("{oops")],
      [JSON_TYPE, bytes("")],
      [JSON_TYPE, bytes(`"${"x".repeat(MAX_BODY_BYTES)}"`)],
    ];
    for (const [headers, body] of cases) {
      const expected = await readJsonBody(post(new Uint8Array(body), headers));
      expect(jsonBodyFrom(new Headers(headers), body), JSON.stringify(headers) + " " + body.byteLength).toEqual(
        expected,
      );
    }
  });
});
