// Saved views of the queue: a moderator's own, or shared with the team.
import { beforeAll, describe, expect, it } from "vitest";
import { createConsultation, uniqueSlug } from "@/test/db-fixtures";
import { createUser } from "@/lib/users/create-user";
import { db } from "@/lib/db";
import { ZSaveView } from "./schema";
import { saveView } from "./save-view";
import { listViews } from "./list-views";
import { deleteView } from "./delete-view";

let consultationId = "";
let otherConsultationId = "";
let alice = "";
let bob = "";

const input = (name: string, query: string, shared = false) =>
  ZSaveView.parse({ consultation: "x", name, query, shared });

beforeAll(async () => {
  consultationId = (await createConsultation()).id;
  otherConsultationId = (await createConsultation()).id;
  const mk = (name: string) =>
    createUser({
      email: `${uniqueSlug(name)}@example.org`,
      name,
      role: "moderator",
      password: "twelve chars at least",
    });
  alice = (await mk("Alice")).id;
  bob = (await mk("Bob")).id;
});

describe("saved views", () => {
  it("keep only the queue's filter keys, with values the queue accepts", () => {
    expect(
      ZSaveView.parse({
        consultation: "x",
        name: "  Spam   to check ",
        shared: false,
        query: "c=dpsi&status=spam&after=12.1&aspect=nonsense&decision=none",
      }),
    ).toEqual({
      consultation: "x",
      name: "Spam to check",
      shared: false,
      query: "status=spam&decision=none",
    });
  });

  it("refuse a blank or too long name with a message key", () => {
    const errors = (name: string) =>
      ZSaveView.safeParse({ consultation: "x", name, shared: false, query: "" }).error?.issues.map((i) => i.message);
    expect(errors(" \t ")).toEqual(["nameRequired"]);
    expect(errors("x".repeat(81))).toEqual(["nameTooLong"]);
  });

  it("list a moderator's own views and the team's shared ones, never another's personal view", async () => {
    expect((await saveView(alice, consultationId, input("Mine", "status=new"))).ok).toBe(true);
    expect((await saveView(alice, consultationId, input("Team spam", "status=spam", true))).ok).toBe(true);
    expect((await saveView(bob, consultationId, input("Bob's own", "aspect=general"))).ok).toBe(true);
    expect((await saveView(bob, otherConsultationId, input("Elsewhere", "aspect=general", true))).ok).toBe(true);

    const forAlice = await listViews(alice, consultationId);
    expect(forAlice.map((v) => [v.name, v.mine, v.shared])).toEqual([
      ["Mine", true, false],
      ["Team spam", true, true],
    ]);
    const forBob = await listViews(bob, consultationId);
    expect(forBob.map((v) => [v.name, v.mine, v.ownerName])).toEqual([
      ["Bob's own", true, "Bob"],
      ["Team spam", false, "Alice"],
    ]);
    expect(forBob.find((v) => v.name === "Team spam")?.query).toBe("status=spam");
  });

  it("refuse a second view of the same name by the same moderator, not by another", async () => {
    expect(await saveView(alice, consultationId, input("Mine", "status=spam"))).toEqual({
      ok: false,
      field: "name",
      key: "nameTaken",
    });
    expect((await saveView(bob, consultationId, input("Mine", "status=spam"))).ok).toBe(true);
    // Two saves at once: the unique key decides, one wins.
    const both = await Promise.all([
      saveView(alice, consultationId, input("Race", "")),
      saveView(alice, consultationId, input("Race", "")),
    ]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
  });

  it("are deleted by their owner only", async () => {
    const shared = (await listViews(bob, consultationId)).find((v) => v.name === "Team spam")!;
    expect(await deleteView(bob, shared.id)).toBe(false);
    expect(await db.savedView.count({ where: { id: shared.id } })).toBe(1);
    expect(await deleteView(alice, "not-a-uuid")).toBe(false);
    expect(await deleteView(alice, shared.id)).toBe(true);
    expect((await listViews(bob, consultationId)).map((v) => v.name)).not.toContain("Team spam");
  });
});
