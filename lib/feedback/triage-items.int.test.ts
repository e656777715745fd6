import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { uniqueSlug } from "@/test/db-fixtures";
import { createUser } from "@/lib/users/create-user";
import { triageItems } from "./triage-items";
import { ZTriage } from "./triage-schema";
import { triageSetup as setup } from "@/test/triage-fixtures";

describe("triageItems", () => {
  it("changes status, disposition, assignee and tags, and logs every change", async () => {
    const { items, mod } = await setup();
    const id = items[0].id;
    const result = await triageItems(
      mod.id,
      ZTriage.parse({
        ids: [id],
        status: "in_review",
        disposition: "partly_accepted",
        dispositionReason: "Clarified in 1.1",
        assignee: mod.id,
        setTags: "Terminology, cross-border",
        note: "Check with legal",
      }),
    );
    expect(result).toEqual({ ok: true, changed: 1 });
    const item = await db.feedbackItem.findUniqueOrThrow({
      where: { id },
      include: { tags: { include: { tag: true } }, notes: true, triage: { include: { events: true } } },
    });
    expect(item.triage).toMatchObject({
      status: "in_review",
      disposition: "partly_accepted",
      dispositionReason: "Clarified in 1.1",
      assigneeId: mod.id,
    });
    expect(item.tags.map((x) => x.tag.name).sort()).toEqual(["Terminology", "cross-border"]);
    expect(item.notes.map((n) => n.body)).toEqual(["Check with legal"]);
    expect(item.triage!.events.map((e) => [e.field, e.fromValue, e.toValue]).sort()).toEqual(
      [
        ["assignee", null, mod.id],
        ["disposition", null, "partly_accepted"],
        ["disposition_reason", null, "Clarified in 1.1"],
        ["note", null, "Check with legal"],
        ["status", "new", "in_review"],
        ["tag_added", null, "Terminology"],
        ["tag_added", null, "cross-border"],
      ].sort(),
    );

    // The same tags in another case are the same tags; removing one is logged.
    await triageItems(mod.id, ZTriage.parse({ ids: [id], setTags: "terminology" }));
    const after = await db.feedbackItem.findUniqueOrThrow({
      where: { id },
      include: { tags: { include: { tag: true } }, triage: { include: { events: true } } },
    });
    expect(after.tags.map((x) => x.tag.name)).toEqual(["Terminology"]);
    expect(after.triage!.events.filter((e) => e.field === "tag_removed").map((e) => e.fromValue)).toEqual([
      "cross-border",
    ]);
    // Nothing changed, nothing logged.
    const events = after.triage!.events.length;
    expect(await triageItems(mod.id, ZTriage.parse({ ids: [id], status: "in_review" }))).toEqual({
      ok: true,
      changed: 0,
    });
    expect(await db.moderationEvent.count({ where: { feedbackItemId: id } })).toBe(events);
  });

  it("lets two moderators save the same item at once: no error, a true history", async () => {
    const { items, mod } = await setup();
    const id = items[0].id;
    const [a, b] = await Promise.all([
      triageItems(mod.id, ZTriage.parse({ ids: [id], status: "in_review", addTags: "Same" })),
      triageItems(mod.id, ZTriage.parse({ ids: [id], status: "noted", addTags: "same" })),
    ]);
    expect(a.ok && b.ok).toBe(true);
    const events = await db.moderationEvent.findMany({
      where: { feedbackItemId: id, field: "status" },
      orderBy: { at: "asc" },
    });
    // The second change starts from what the first wrote.
    expect(events).toHaveLength(2);
    expect(events[1].fromValue).toBe(events[0].toValue);
    expect(await db.feedbackItemTag.count({ where: { feedbackItemId: id } })).toBe(1);
    expect(await triageItems(mod.id, ZTriage.parse({ ids: [id], addTags: "Dup", setTags: "dup" }))).toMatchObject({
      ok: true,
    });
  });

  it("applies a bulk change to every selected item", async () => {
    const { items, mod } = await setup();
    const ids = items.map((i) => i.id);
    expect(await triageItems(mod.id, ZTriage.parse({ ids, status: "noted", addTags: "campaign-A" }))).toEqual({
      ok: true,
      changed: 2,
    });
    const stored = await db.feedbackItem.findMany({
      where: { id: { in: ids } },
      include: { tags: { include: { tag: true } }, triage: true },
    });
    expect(stored.every((i) => i.triage!.status === "noted" && i.tags.some((x) => x.tag.name === "campaign-A"))).toBe(
      true,
    );
  });

  it("refuses unknown items, items of two consultations, and assignees who cannot moderate", async () => {
    const a = await setup();
    const b = await setup();
    expect(
      await triageItems(a.mod.id, ZTriage.parse({ ids: ["00000000-0000-4000-8000-000000000000"], status: "noted" })),
    ).toEqual({ ok: false, reason: "not_found" });
    expect(
      await triageItems(a.mod.id, ZTriage.parse({ ids: [a.items[0].id, b.items[0].id], status: "noted" })),
    ).toEqual({ ok: false, reason: "mixed_consultations" });
    const delegate = await createUser({
      email: `${uniqueSlug("d")}@example.org`,
      name: "Del",
      role: "delegate",
      password: "twelve chars at least",
      country: "FR",
      delegationRole: "drafter",
    });
    expect(await triageItems(a.mod.id, ZTriage.parse({ ids: [a.items[0].id], assignee: delegate.id }))).toEqual({
      ok: false,
      reason: "unknown_assignee",
    });
    expect((await db.feedbackTriage.findUniqueOrThrow({ where: { feedbackItemId: a.items[0].id } })).status).toBe(
      "new",
    );
  });
});

describe("the audit log export", () => {
  it("lists every change with who, when, what, from and to", async () => {
    const { c, items, mod } = await setup();
    await triageItems(mod.id, ZTriage.parse({ ids: [items[0].id], status: "addressed", note: "=formula?" }));
    const { PassThrough } = await import("node:stream");
    const { exportFeedback } = await import("./export-feedback");
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on("data", (x) => chunks.push(x));
    const rows = await exportFeedback(c.id, {}, "csv", out, "audit");
    const text = Buffer.concat(chunks)
      .toString("utf8")
      .replace(/^\uFEFF/, "");
    expect(rows).toBe(2);
    expect(text.split("\r\n")[0]).toBe("at,reference,item,clause_number,aspect,actor,field,from_value,to_value");
    expect(text).toMatch(new RegExp(`,${mod.email},status,new,addressed`));
    expect(text).toContain(",note,,'=formula?");
  });
});
