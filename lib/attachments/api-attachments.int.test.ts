// The JSON API's multipart variant (POST /api/consultations/{slug}/responses): the response as JSON in a part
// named "response", the files in parts named "attachments"; through the Next.js route's path (postResponse) and
// scripts/server.mjs's (servePostResponse, which gets the body already read).
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createConsultation, respondent, uniqueSlug } from "@/test/db-fixtures";
import { exeFile, odtFile, pdfFile } from "@/test/attachment-files";
import { postResponse, servePostResponse } from "@/lib/api/post-response";

const url = "http://localhost/api/consultations/x/responses";
const client = () => uniqueSlug("client");

function multipart(response: unknown, files: { name: string; bytes: Buffer }[], json = JSON.stringify(response)) {
  const form = new FormData();
  form.append("response", new Blob([json], { type: "application/json" }));
  for (const f of files) form.append("attachments", new File([new Uint8Array(f.bytes)], f.name));
  return new Request(url, { method: "POST", body: form });
}

const body = { generalComment: "See the attached paper", respondent };

describe("the API's multipart variant", () => {
  it("201: stores the response and its files, with their SHA-256", async () => {
    const c = await createConsultation();
    const pdf = await pdfFile();
    const out = await postResponse(
      multipart(body, [
        { name: "paper.pdf", bytes: pdf },
        { name: "notes.odt", bytes: odtFile() },
      ]),
      c.slug,
      client(),
    );
    expect(out.status).toBe(201);
    const { reference } = out.body as { reference: string };
    const files = await db.responseAttachment.findMany({
      where: { response: { reference } },
      orderBy: { position: "asc" },
    });
    expect(files.map((f) => [f.fileName, f.mediaType, f.sha256])).toEqual([
      ["paper.pdf", "application/pdf", createHash("sha256").update(pdf).digest("hex")],
      ["notes.odt", "application/vnd.oasis.opendocument.text", createHash("sha256").update(odtFile()).digest("hex")],
    ]);
  });

  it("400 invalid with a field error on attachments for a program renamed .pdf, in the caller's language; nothing stored", async () => {
    const c = await createConsultation();
    const request = multipart(body, [{ name: "paper.pdf", bytes: exeFile() }]);
    const wire = await servePostResponse({
      headers: { ...Object.fromEntries(request.headers), "accept-language": "fr" },
      body: new Uint8Array(await request.arrayBuffer()),
      slug: c.slug,
      clientKey: client(),
    });
    expect(wire.status).toBe(400);
    const answer = JSON.parse(wire.text);
    expect(answer.error.code).toBe("invalid");
    expect(answer.error.fields).toEqual([
      { field: "attachments", code: "errorType", message: expect.stringContaining("Le fichier paper.pdf n’est pas") },
    ]);
    expect(await db.response.count({ where: { consultationId: c.id } })).toBe(0);
  });

  it("400 invalid_multipart without a response part, 400 invalid_json for a response part that is not JSON", async () => {
    const c = await createConsultation();
    const noPart = new FormData();
    noPart.append("attachments", new File([new Uint8Array(await pdfFile())], "a.pdf"));
    const a = await postResponse(new Request(url, { method: "POST", body: noPart }), c.slug, client());
    expect(a).toMatchObject({ status: 400, body: { error: { code: "invalid_multipart" } } });
    const b = await postResponse(multipart(null, [], "{not json"), c.slug, client());
    expect(b).toMatchObject({ status: 400, body: { error: { code: "invalid_json" } } });
  });

  it("a retry with the same key and other files is not a replay (409), with the same files it is (200)", async () => {
    const c = await createConsultation();
    const keyed = { ...body, idempotencyKey: uniqueSlug("key-000000000") };
    const pdf = await pdfFile();
    const first = await postResponse(multipart(keyed, [{ name: "a.pdf", bytes: pdf }]), c.slug, client());
    expect(first.status).toBe(201);
    const same = await postResponse(multipart(keyed, [{ name: "a.pdf", bytes: pdf }]), c.slug, client());
    expect(same.status).toBe(200);
    const other = await postResponse(
      multipart(keyed, [{ name: "a.pdf", bytes: await pdfFile("Other") }]),
      c.slug,
      client(),
    );
    expect(other).toMatchObject({ status: 409, body: { error: { code: "idempotency_key_reused" } } });
  });
});
