import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { setNow } from "@/lib/clock";
import { getConsultation } from "@/lib/consultations/get-consultation";
import { createConsultation, delegate, staff } from "@/test/db-fixtures";
import { getWorkspace } from "./get-workspace";
import { saveDraft } from "./save-draft";
import { grantExtension } from "./grant-extension";
import { ZFormalDraft } from "./schema";

afterEach(() => setNow(null));

const draft = (version: number, positions: Record<string, Record<string, string>>, statement = "") =>
  ZFormalDraft.parse({ version: String(version), statement, positions });

async function setup(country = "FR") {
  const c = await createConsultation();
  const consultation = (await getConsultation(c.slug))!;
  return {
    consultation,
    drafter: await delegate(country, "drafter"),
    other: await delegate(country, "drafter", "Second drafter"),
  };
}

describe("the delegation's shared draft", () => {
  it("is one workspace per country and consultation, saved by version, with who changed which clauses", async () => {
    const { consultation, drafter } = await setup();
    const ws = await getWorkspace(consultation.id, "FR");
    expect((await getWorkspace(consultation.id, "FR")).id).toBe(ws.id);
    expect(ws.version).toBe(1);
    const r = await saveDraft(
      drafter,
      consultation,
      draft(1, { "1.1": { stance: "support_with_amendments", amendment: "Say public servant" } }, "We welcome it."),
    );
    expect(r).toEqual({ ok: true, version: 2, changed: ["1.1", "statement"] });
    const after = await getWorkspace(consultation.id, "FR");
    const id11 = consultation.clauses.find((c) => c.key === "1.1")!.id;
    expect(after.positions[id11]).toEqual({ stance: "support_with_amendments", amendment: "Say public servant" });
    expect(after.statement).toBe("We welcome it.");
    expect(after.events[0]).toMatchObject({ kind: "saved", detail: "1.1, statement", actor: { name: drafter.name } });
  });

  it("refuses a save made from an older version, naming who saved in between, and keeps their text", async () => {
    const { consultation, drafter, other } = await setup();
    await getWorkspace(consultation.id, "FR");
    expect(await saveDraft(drafter, consultation, draft(1, { "1": { clarity: "Mine" } }))).toMatchObject({
      ok: true,
      version: 2,
    });
    // The second drafter opened version 1 too.
    const stale = await saveDraft(other, consultation, draft(1, { "1": { clarity: "Theirs" } }));
    expect(stale).toMatchObject({ ok: false, reason: "stale", by: drafter.name });
    const ws = await getWorkspace(consultation.id, "FR");
    expect(ws.version).toBe(2);
    expect(Object.values(ws.positions)[0]).toEqual({ clarity: "Mine" });
  });

  it("lets two simultaneous saves of the same version through exactly once", async () => {
    const { consultation, drafter, other } = await setup();
    await getWorkspace(consultation.id, "FR");
    const results = await Promise.all([
      saveDraft(drafter, consultation, draft(1, { "1": { clarity: "A" } })),
      saveDraft(other, consultation, draft(1, { "1": { clarity: "B" } })),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === "stale")).toHaveLength(1);
  });

  it("keeps each country to its own workspace, and moderators out", async () => {
    const { consultation, drafter } = await setup();
    const german = await delegate("DE", "approver");
    await saveDraft(drafter, consultation, draft(1, { "1": { clarity: "French view" } }));
    const de = await getWorkspace(consultation.id, "DE");
    expect(de.positions).toEqual({});
    expect(await saveDraft(german, consultation, draft(1, { "1": { clarity: "German view" } }))).toMatchObject({
      ok: true,
    });
    expect(Object.values((await getWorkspace(consultation.id, "FR")).positions)[0]).toEqual({ clarity: "French view" });
    expect(await saveDraft(await staff("moderator"), consultation, draft(1, {}))).toEqual({
      ok: false,
      reason: "forbidden",
    });
  });

  it("refuses saves after the deadline unless the country has an extension, which is recorded", async () => {
    const { consultation, drafter } = await setup();
    await getWorkspace(consultation.id, "FR");
    setNow(new Date(consultation.closesAt.getTime() + 60_000));
    expect(await saveDraft(drafter, consultation, draft(1, { "1": { clarity: "Late" } }))).toEqual({
      ok: false,
      reason: "closed",
    });
    const admin = await staff("admin");
    expect(await grantExtension(admin.id, consultation, "FR", consultation.closesAt, "why")).toEqual({
      ok: false,
      reason: "untilBeforeDeadline",
    });
    expect(
      await grantExtension(admin.id, consultation, "FR", new Date(consultation.closesAt.getTime() + 86_400_000), " "),
    ).toEqual({ ok: false, reason: "reasonRequired" });
    expect(
      await grantExtension(
        admin.id,
        consultation,
        "FR",
        new Date(consultation.closesAt.getTime() + 86_400_000),
        "Parliament sits on Monday",
      ),
    ).toEqual({ ok: true });
    expect(await saveDraft(drafter, consultation, draft(1, { "1": { clarity: "Late" } }))).toMatchObject({ ok: true });
    const ws = await getWorkspace(consultation.id, "FR");
    expect(ws.events.map((e) => e.kind)).toEqual(["saved", "extension_granted"]);
    expect(ws.events[1].detail).toContain("Parliament sits on Monday");
    // Another country still has the consultation's deadline.
    expect(await saveDraft(await delegate("DE", "drafter"), consultation, draft(1, { "1": { clarity: "x" } }))).toEqual(
      { ok: false, reason: "closed" },
    );
  });

  it("keeps text with a lone surrogate (replaced), which PostgreSQL's jsonb would refuse as an escape", async () => {
    const { consultation, drafter } = await setup();
    const parsed = draft(1, { "1": { clarity: "half \ud800 a pair" } }, "a\ud800b");
    expect(parsed.statement).toBe("a\ufffdb");
    expect(await saveDraft(drafter, consultation, parsed)).toMatchObject({ ok: true, version: 2 });
    expect(Object.values((await getWorkspace(consultation.id, "FR")).positions)[0]).toEqual({
      clarity: "half \ufffd a pair",
    });
  });

  it("validates the draft: an amendment needs a position, a language comment needs its term, lengths are capped", () => {
    const bad = ZFormalDraft.safeParse({
      version: "1",
      statement: "",
      positions: { "1": { amendment: "x", language: "y", clarity: "z".repeat(5001) } },
    });
    expect(bad.success).toBe(false);
    const keys = bad.error!.issues.map((i) => `${i.path.join(".")}:${i.message}`);
    expect(keys).toEqual(expect.arrayContaining(["positions.1.clarity:tooLong"]));
    const rules = ZFormalDraft.safeParse({
      version: "1",
      statement: "",
      positions: { "1": { amendment: "x", language: "y" } },
    });
    expect(rules.error!.issues.map((i) => `${i.path.join(".")}:${i.message}`)).toEqual([
      "positions.1.stance:amendmentNeedsStance",
      "positions.1.term:termRequired",
    ]);
    expect(
      ZFormalDraft.parse({ version: "3", statement: "  \u0000 ", positions: { "1": { clarity: " ok\u0007 " } } }),
    ).toEqual({ version: 3, statement: undefined, positions: { "1": { clarity: "ok" } } });
  });
});

it("the database keeps one workspace per country and consultation", async () => {
  const c = await createConsultation();
  await db.formalResponse.create({ data: { consultationId: c.id, country: "FR" } });
  await expect(db.formalResponse.create({ data: { consultationId: c.id, country: "FR" } })).rejects.toThrow();
});
