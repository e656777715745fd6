import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { createConsultation, respondent } from "@/test/db-fixtures";
import { ZResponseInput } from "@/lib/responses/schema";
import { submitResponse } from "@/lib/responses/submit-response";
import { exportFeedback } from "./export-feedback";
import type { TQueueFilter } from "./queue-filter";

async function exportToString(consultationId: string, filter: TQueueFilter, format: "csv" | "jsonl") {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c) => chunks.push(c));
  const rows = await exportFeedback(consultationId, filter, format, out);
  return { rows, text: Buffer.concat(chunks).toString("utf8") };
}

describe("exportFeedback", () => {
  it("writes one RFC 4180 row per item, neutralises formulas, and filters", async () => {
    const c = await createConsultation();
    const stored = await submitResponse(
      c.slug,
      ZResponseInput.parse({
        feedback: [
          {
            clause: "1.1",
            clarity: { rating: 2, comment: '=cmd|" /C calc"!A0' },
            language: { term: "+term", reason: "line one\nline two, with comma" },
          },
        ],
        generalComment: "-1+1",
        respondent: { ...respondent, type: "organisation", organisationName: "@Org", country: "NL" },
      }),
      { locale: "en", channel: "web" },
    );
    if (!stored.ok) throw new Error("expected stored");

    const csv = await exportToString(c.id, {}, "csv");
    expect(csv.rows).toBe(3);
    const lines = csv.text.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe(
      "reference,submitted_at,respondent_type,country,organisation,publication,clause_number,clause_heading,aspect,rating,comment,term,proposed_wording,country_context,channel,locale,status,disposition,disposition_reason,tags,campaign,campaign_size,official,stance,letter_url,letter_sha256,in_extension,received_on,clause_version,attachment_urls,attachment_sha256",
    );
    expect(csv.text).toContain(`"'=cmd|"" /C calc""!A0"`);
    expect(csv.text).toContain(",'+term,");
    expect(csv.text).toContain(`"line one\nline two, with comma"`);
    expect(csv.text).toContain(",'-1+1,");
    expect(csv.text).toContain(",'@Org,");
    expect(csv.text).toMatch(
      new RegExp(`^${stored.reference},\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z,organisation,NL,`, "m"),
    );

    const language = await exportToString(c.id, { aspect: "language" }, "jsonl");
    expect(language.rows).toBe(1);
    const row = JSON.parse(language.text.trim());
    expect(row).toMatchObject({ reference: stored.reference, aspect: "language", term: "+term", clause_number: "1.1" });

    expect((await exportToString(c.id, { clause: "1" }, "csv")).rows).toBe(0);
  });
});
