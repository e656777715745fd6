import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createConsultation, respondent, staff } from "@/test/db-fixtures";
import { ZResponseInput } from "@/lib/responses/schema";
import { submitResponse } from "@/lib/responses/submit-response";
import { triageItems } from "@/lib/feedback/triage-items";
import { ZTriage } from "@/lib/feedback/triage-schema";
import { listPublished } from "@/lib/publication/list-published";
import { buildResultsCopy, readResults } from "@/lib/results/build-results";
import { listClauseComments } from "@/lib/results/list-clause-comments";
import { ipHash } from "@/lib/security/ip-hash";
import { reportComment } from "./report-comment";
import { listReports } from "./list-reports";
import { decideReport } from "./decide-report";
import { ZReportComment } from "./schema";

const ip = () => `198.51.100.${randomBytes(1)[0]}-${randomBytes(3).toString("hex")}`;

/** A consultation with one comment cleared for publication (anonymous) and one the respondent kept private. */
async function withPublishedComment(text = "Public words") {
  const c = await createConsultation();
  const mod = await staff("moderator");
  const submit = (comment: string, publication: "none" | "anonymous") =>
    submitResponse(
      c.slug,
      ZResponseInput.parse({
        feedback: [{ clause: "1.1", clarity: { rating: 2, comment } }],
        respondent: { ...respondent, publication },
      }),
      { locale: "en", channel: "web" },
    );
  await submit(text, "anonymous");
  await submit("Private words", "none");
  const items = await db.feedbackItem.findMany({
    where: { response: { consultationId: c.id } },
    orderBy: { response: { number: "asc" } },
  });
  await triageItems(mod.id, ZTriage.parse({ ids: items.map((i) => i.id), publish: "clear" }));
  return { c, mod, item: items[0], privateItem: items[1] };
}

describe("reporting a published comment", () => {
  it("stores the reason, the text and only the keyed hash of the address; a comment the public cannot read is not found", async () => {
    const { c, item, privateItem } = await withPublishedComment();
    const from = ip();
    expect(
      await reportComment(
        c.id,
        item.id,
        { reason: "personal_data", details: "It names my neighbour" },
        { clientIp: from },
      ),
    ).toEqual({ ok: true });
    const [row] = await db.commentReport.findMany({ where: { feedbackItemId: item.id } });
    expect(row).toMatchObject({ reason: "personal_data", details: "It names my neighbour", decision: null });
    expect(row.reporterHash).toBe(ipHash(from));
    expect(row.reporterHash).not.toContain(from);
    // Cleared, but the respondent did not agree to publication: nobody sees it, so nobody reports it.
    expect(await reportComment(c.id, privateItem.id, { reason: "spam", details: "" }, { clientIp: ip() })).toEqual({
      ok: false,
      reason: "not_found",
    });
    // An item of this consultation reported under another consultation's address.
    const other = await createConsultation();
    expect(await reportComment(other.id, item.id, { reason: "spam", details: "" }, { clientIp: ip() })).toEqual({
      ok: false,
      reason: "not_found",
    });
  });

  it("is limited per client address (COMMENT_REPORT_RATE_LIMIT_PER_HOUR, 10 by default)", async () => {
    const { c, item } = await withPublishedComment();
    const from = ip();
    for (let i = 0; i < 10; i++)
      expect(await reportComment(c.id, item.id, { reason: "spam", details: "" }, { clientIp: from })).toEqual({
        ok: true,
      });
    const refused = await reportComment(c.id, item.id, { reason: "spam", details: "" }, { clientIp: from });
    expect(refused).toMatchObject({ ok: false, reason: "rateLimited" });
    expect(refused.ok === false && refused.reason === "rateLimited" && refused.retryAfterSeconds).toBeGreaterThan(60);
    expect(await reportComment(c.id, item.id, { reason: "spam", details: "" }, { clientIp: ip() })).toEqual({
      ok: true,
    });
  });

  it("asks for a text with the reason “other”, and refuses a reason not on the list", () => {
    expect(ZReportComment.safeParse({ reason: "other", details: " " }).error?.issues[0]).toMatchObject({
      path: ["details"],
      message: "detailsMissing",
    });
    expect(ZReportComment.safeParse({ reason: "boring", details: "x" }).error?.issues[0]).toMatchObject({
      path: ["reason"],
      message: "reasonMissing",
    });
  });
});

describe("a moderator's decision on reports", () => {
  it("lists the reported comment with its reasons counted; keeping it closes the reports and logs the reason", async () => {
    const { c, mod, item } = await withPublishedComment();
    await reportComment(c.id, item.id, { reason: "offensive", details: "Rude" }, { clientIp: ip() });
    await reportComment(c.id, item.id, { reason: "offensive", details: "" }, { clientIp: ip() });
    await reportComment(c.id, item.id, { reason: "spam", details: "" }, { clientIp: ip() });
    const [listed] = await listReports(c.id);
    expect(listed).toMatchObject({
      id: item.id,
      comment: "Public words",
      open: 3,
      total: 3,
      published: true,
      decision: null,
    });
    expect(listed.reasons).toEqual([
      { reason: "offensive", n: 2 },
      { reason: "spam", n: 1 },
    ]);
    expect(listed.details.map((d) => d.text)).toEqual(["Rude"]);
    expect(JSON.stringify(listed)).not.toMatch(/[0-9a-f]{64}/);

    expect(
      await decideReport(mod.id, c.id, item.id, "kept", "Robust, not abusive", "Report: kept. Robust, not abusive"),
    ).toEqual({
      ok: true,
      closed: 3,
    });
    expect(await listReports(c.id)).toEqual([]);
    const [decided] = await listReports(c.id, { state: "all" });
    expect(decided.decision).toMatchObject({ decision: "kept", reason: "Robust, not abusive", by: mod.name });
    expect((await listPublished(c.id)).items.map((i) => i.comment)).toEqual(["Public words"]);
    const events = await db.moderationEvent.findMany({ where: { feedbackItemId: item.id, field: "note" } });
    expect(events.map((e) => e.toValue)).toEqual(["Report: kept. Robust, not abusive"]);
    // Nothing left to decide: a second decision (another moderator's tab) is refused.
    expect(await decideReport(mod.id, c.id, item.id, "withdrawn", "x", "x")).toEqual({
      ok: false,
      reason: "no_open_reports",
    });
  });

  it("withdrawing takes the comment off the comments page, the open data and the published results, and logs it", async () => {
    const { c, mod, item } = await withPublishedComment("Calls my neighbour by name");
    await db.consultation.update({ where: { id: c.id }, data: { resultsPublishedAt: new Date() } });
    await db.$transaction((tx) => buildResultsCopy(tx, c.id, new Date()));
    const clauseId = item.clauseId!;
    const before = (await readResults(c.id)).sections.get(clauseId)!;
    expect(before.shown.map((r) => [r.id, r.comment])).toEqual([[item.id, "Calls my neighbour by name"]]);

    await reportComment(c.id, item.id, { reason: "personal_data", details: "" }, { clientIp: ip() });
    const version = (await db.feedbackTriage.findUniqueOrThrow({ where: { feedbackItemId: item.id } })).version;
    expect(
      await decideReport(mod.id, c.id, item.id, "withdrawn", "Names a private person", "Report: withdrawn"),
    ).toEqual({
      ok: true,
      closed: 1,
    });
    expect((await listPublished(c.id)).items).toEqual([]);
    const after = (await readResults(c.id)).sections.get(clauseId)!;
    expect(after.shown).toEqual([expect.objectContaining({ id: item.id, comment: null, withdrawn: true })]);
    const page = await listClauseComments(c.id, after, 1);
    expect(page?.rows).toEqual([expect.objectContaining({ comment: null, withdrawn: true })]);
    expect(JSON.stringify(await readResults(c.id))).not.toContain("neighbour");
    expect((await db.feedbackItem.findUniqueOrThrow({ where: { id: item.id } })).clearedAt).toBeNull();
    const triage = await db.feedbackTriage.findUniqueOrThrow({ where: { feedbackItemId: item.id } });
    expect(triage.version).toBe(version + 1);
    const events = await db.moderationEvent.findMany({ where: { feedbackItemId: item.id, at: triage.moderatedAt! } });
    expect(events.map((e) => [e.field, e.fromValue, e.toValue]).sort()).toEqual([
      ["note", null, "Report: withdrawn"],
      ["publication", "cleared", "withheld"],
    ]);
    // Withdrawn: it cannot be reported again.
    expect(await reportComment(c.id, item.id, { reason: "spam", details: "" }, { clientIp: ip() })).toEqual({
      ok: false,
      reason: "not_found",
    });
  });
});
