// Saves from an item's page carry the version they were loaded at: a save over a newer change is refused and says
// whose, and a save writes only what the moderator changed (lib/feedback/triage-items.ts).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { uniqueSlug } from "@/test/db-fixtures";
import { createUser } from "@/lib/users/create-user";
import { triageItems } from "./triage-items";
import { loadedValues, readTriageForm, ZTriage } from "./triage-schema";
import { triageSetup as setup } from "@/test/triage-fixtures";

/** The item page's form as a browser sends it: every field, with the values it was loaded with. */
function itemForm(
  id: string,
  version: number,
  loaded: ReturnType<typeof loadedValues>,
  typed: Partial<Record<keyof ReturnType<typeof loadedValues> | "note", string>>,
) {
  const form = new FormData();
  form.set("ids", id);
  form.set("version", String(version));
  for (const [k, v] of Object.entries(loaded)) {
    form.set(`was_${k}`, v);
    form.set(k, v);
  }
  for (const [k, v] of Object.entries(typed)) form.set(k, v!);
  return ZTriage.parse(readTriageForm(form));
}

const loadedOf = async (id: string) => {
  const found = await db.feedbackItem.findUniqueOrThrow({
    where: { id },
    include: { tags: { include: { tag: true } }, triage: true },
  });
  const i = { ...found, ...found.triage! };
  return {
    version: i.version,
    loaded: loadedValues({ ...i, tags: i.tags.map((x) => x.tag.name).join(", "), cleared: i.clearedAt !== null }),
  };
};

describe("versioned saves from the item page", () => {
  it("two moderators on one item at once: one wins, the other is told who changed what and when, and nothing of theirs is written", async () => {
    const { items, mod } = await setup();
    const other = await createUser({
      email: `${uniqueSlug("m2")}@example.org`,
      name: "Second moderator",
      role: "moderator",
      password: "twelve chars at least",
    });
    const id = items[0].id;
    const { version, loaded } = await loadedOf(id);
    const first = await triageItems(mod.id, itemForm(id, version, loaded, { status: "out_of_scope" }));
    expect(first).toMatchObject({ ok: true, changed: 1 });
    const second = await triageItems(
      other.id,
      itemForm(id, version, loaded, { status: "noted", note: "Mine", setTags: "Theirs" }),
    );
    expect(second).toMatchObject({
      ok: false,
      reason: "stale",
      version: version + 1,
      changes: [{ by: "Mod", field: "status", fromValue: "new", toValue: "out_of_scope" }],
    });
    if (second.ok || second.reason !== "stale") throw new Error("expected stale");
    expect(second.at.getTime()).toBe(
      (await db.feedbackTriage.findUniqueOrThrow({ where: { feedbackItemId: id } })).moderatedAt!.getTime(),
    );
    const stored = await db.feedbackItem.findUniqueOrThrow({
      where: { id },
      include: { notes: true, tags: true, triage: { include: { events: true } } },
    });
    expect(stored.triage).toMatchObject({ status: "out_of_scope", version: version + 1 });
    expect(stored.notes).toHaveLength(0);
    expect(stored.tags).toHaveLength(0);
    expect(stored.triage!.events.every((e) => e.actorId === mod.id)).toBe(true);

    // Truly at once: exactly one of two saves from the same version goes through.
    const now = await loadedOf(id);
    const both = await Promise.all([
      triageItems(mod.id, itemForm(id, now.version, now.loaded, { status: "spam" })),
      triageItems(other.id, itemForm(id, now.version, now.loaded, { status: "duplicate", note: "Also mine" })),
    ]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(both.filter((r) => !r.ok && r.reason === "stale")).toHaveLength(1);
    const after = await db.feedbackItem.findUniqueOrThrow({ where: { id }, include: { notes: true, triage: true } });
    expect(after.triage!.version).toBe(now.version + 1);
    expect(after.notes.length).toBe(both[1].ok ? 1 : 0);
  });

  it("refuses a save over a bulk change made between load and save, by the bulk form or by SQL", async () => {
    const { items, mod } = await setup();
    const id = items[0].id;
    const { version, loaded } = await loadedOf(id);
    expect(
      await triageItems(mod.id, ZTriage.parse({ ids: items.map((i) => i.id), status: "noted", addTags: "Bulk" })),
    ).toMatchObject({ ok: true, changed: 2 });
    expect(
      (
        await db.feedbackTriage.findMany({
          where: { feedbackItemId: { in: items.map((i) => i.id) } },
          orderBy: { feedbackItemId: "asc" },
        })
      ).map((i) => i.version),
    ).toEqual([version + 1, version + 1]);
    const refused = await triageItems(mod.id, itemForm(id, version, loaded, { status: "spam" }));
    expect(refused).toMatchObject({ ok: false, reason: "stale" });
    if (refused.ok || refused.reason !== "stale") throw new Error("expected stale");
    expect(refused.changes.map((c) => [c.field, c.fromValue, c.toValue]).sort()).toEqual([
      ["status", "new", "noted"],
      ["tag_added", null, "Bulk"],
    ]);
    expect((await db.feedbackTriage.findUniqueOrThrow({ where: { feedbackItemId: id } })).status).toBe("noted");

    // A bulk statement elsewhere (a campaign or filter decision) bumps the version too.
    const fresh = await loadedOf(id);
    await db.$executeRaw`UPDATE feedback_triage SET disposition = 'accepted', version = version + 1, moderated_at = now() WHERE feedback_item_id = ANY(${items.map((i) => i.id)}::uuid[])`;
    expect(await triageItems(mod.id, itemForm(id, fresh.version, fresh.loaded, { note: "Too late" }))).toMatchObject({
      ok: false,
      reason: "stale",
    });
    expect(await db.itemNote.count({ where: { feedbackItemId: id } })).toBe(0);
  });

  it("writes only the fields the moderator changed, and bumps the version on every write", async () => {
    const { items, mod } = await setup();
    const id = items[0].id;
    const start = await loadedOf(id);
    expect(
      await triageItems(mod.id, itemForm(id, start.version, start.loaded, { status: "out_of_scope" })),
    ).toMatchObject({ ok: true, changed: 1 });
    // A form re-sending every field, with only a note typed: only the note is written.
    const mid = await loadedOf(id);
    expect(mid.loaded.status).toBe("out_of_scope");
    const parsed = itemForm(id, mid.version, mid.loaded, { note: "Not about this draft" });
    expect(parsed).toMatchObject({
      status: undefined,
      disposition: undefined,
      dispositionReason: undefined,
      assignee: undefined,
      setTags: undefined,
      publish: undefined,
      note: "Not about this draft",
    });
    expect(await triageItems(mod.id, parsed)).toMatchObject({ ok: true, changed: 1 });
    const item = await db.feedbackItem.findUniqueOrThrow({
      where: { id },
      include: { triage: { include: { events: true } } },
    });
    expect(item.triage).toMatchObject({ status: "out_of_scope", version: mid.version + 1 });
    expect(item.triage!.events.map((e) => [e.field, e.fromValue, e.toValue]).sort()).toEqual([
      ["note", null, "Not about this draft"],
      ["status", "new", "out_of_scope"],
    ]);
    // Only the reason changed: the disposition goes with it, unchanged.
    await triageItems(mod.id, ZTriage.parse({ ids: [id], disposition: "accepted" }));
    const d = await loadedOf(id);
    expect(
      await triageItems(mod.id, itemForm(id, d.version, d.loaded, { dispositionReason: "Clause 1.1 now says so." })),
    ).toMatchObject({ ok: true, changed: 1 });
    expect(await db.feedbackTriage.findUniqueOrThrow({ where: { feedbackItemId: id } })).toMatchObject({
      disposition: "accepted",
      dispositionReason: "Clause 1.1 now says so.",
      version: d.version + 1,
    });
    // A version is only for one item.
    expect(ZTriage.safeParse({ ids: items.map((i) => i.id), version: 1 }).success).toBe(false);
  });
});
