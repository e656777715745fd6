import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createConsultation, respondent, uniqueSlug } from "@/test/db-fixtures";
import { ZResponseInput } from "@/lib/responses/schema";
import { submitResponse } from "@/lib/responses/submit-response";
import { createUser } from "@/lib/users/create-user";
import { listFeedback, PAGE_SIZE } from "./list-feedback";
import { parseQueueFilter, type TQueueFilter } from "./queue-filter";
import { triageItems } from "./triage-items";
import { ZTriage } from "./triage-schema";

let consultationId = "";
const refs: Record<string, string> = {};

async function add(name: string, body: unknown) {
  const c = await db.consultation.findUniqueOrThrow({ where: { id: consultationId } });
  const r = await submitResponse(c.slug, ZResponseInput.parse(body), { locale: "en", channel: "web" });
  if (!r.ok) throw new Error(`not stored: ${name}`);
  refs[name] = r.reference;
}

const itemsOf = async (filter: TQueueFilter) => (await listFeedback(consultationId, filter)).items;
const namesOf = async (filter: TQueueFilter) => {
  const byRef = new Map(Object.entries(refs).map(([k, v]) => [v, k]));
  return [...new Set((await itemsOf(filter)).map((i) => byRef.get(i.reference)))].sort();
};

beforeAll(async () => {
  const c = await createConsultation();
  consultationId = c.id;
  await add("signals", {
    feedback: [{ clause: "1.1", language: { term: "weak signals", proposedWording: "early signs", reason: "Jargon" } }],
    respondent: { ...respondent, country: "DE" },
  });
  await add("french", {
    feedback: [{ clause: "1", clarity: { rating: 2, comment: "Les innovations publiques doivent être définies." } }],
    respondent: { ...respondent, type: "local_government", organisationName: "Ville de Lyon", country: "FR" },
  });
  await add("feasible", {
    feedback: [{ clause: "1.1", feasibility: { rating: 5, countryContext: "Small island state" } }],
    respondent: { ...respondent, type: "organisation", organisationName: "NGO", country: "FJ" },
  });
  await add("general", {
    generalComment: "A general remark about public servants.",
    respondent: { ...respondent, country: "CA" },
  });
  const mod = await createUser({
    email: `${uniqueSlug("m")}@example.org`,
    name: "Mod",
    role: "moderator",
    password: "twelve chars at least",
  });
  const frenchItem = (await itemsOf({ clause: "1" }))[0];
  await triageItems(
    mod.id,
    ZTriage.parse({ ids: [frenchItem.id], status: "in_review", addTags: "Definitions", assignee: mod.id }),
  );
  refs.moderator = mod.id;
});

describe("listFeedback filters", () => {
  it("filters by clause, aspect, status, respondent type and country", async () => {
    expect(await namesOf({ clause: "1.1" })).toEqual(["feasible", "signals"]);
    expect(await namesOf({ aspect: "general" })).toEqual(["general"]);
    expect(await namesOf({ status: "in_review" })).toEqual(["french"]);
    expect(await namesOf({ status: "new" })).toEqual(["feasible", "general", "signals"]);
    expect(await namesOf({ type: "local_government" })).toEqual(["french"]);
    expect(await namesOf({ country: "FJ" })).toEqual(["feasible"]);
  });

  it("filters by tag (any case), assignee, rating range and terminology suggestions", async () => {
    expect(await namesOf(parseQueueFilter({ tag: "DEFINITIONS" }))).toEqual(["french"]);
    expect(await namesOf({ assignee: refs.moderator })).toEqual(["french"]);
    expect(await namesOf({ assignee: "none" })).toEqual(["feasible", "general", "signals"]);
    expect(await namesOf({ minRating: 4 })).toEqual(["feasible"]);
    expect(await namesOf({ maxRating: 3 })).toEqual(["french"]);
    expect(await namesOf({ hasTerm: "1" })).toEqual(["signals"]);
  });

  it("filters by date range, in UTC", async () => {
    const today = new Date().toISOString().slice(0, 10);
    expect(await namesOf({ from: today, to: today })).toHaveLength(4);
    expect(await namesOf({ to: "2000-01-01" })).toEqual([]);
    expect(await namesOf({ from: "2999-01-01" })).toEqual([]);
  });

  it("searches the text in English and French, with stemming", async () => {
    expect(await namesOf({ q: "signal" })).toEqual(["signals"]);
    expect(await namesOf({ q: "innovation publique" })).toEqual(["french"]);
    expect(await namesOf({ q: "island" })).toEqual(["feasible"]);
    expect(await namesOf({ q: "servant" })).toEqual(["general"]);
    expect(await namesOf({ q: '"weak signals" -jargon' })).toEqual([]);
  });

  it("ignores filter values that do not parse, instead of failing", () => {
    expect(
      parseQueueFilter({
        aspect: "nope",
        status: "x",
        minRating: "9",
        country: "ZZ",
        from: "2020-13-45",
        q: "   ",
        assignee: "me",
      }),
    ).toEqual({});
  });
});

describe("listFeedback pages", () => {
  it("walks every item exactly once, newest first, by keyset", async () => {
    const c = await createConsultation();
    for (let i = 0; i < 30; i++) {
      const r = await submitResponse(
        c.slug,
        ZResponseInput.parse({
          feedback: [
            { clause: "1", clarity: { rating: 3 } },
            { clause: "1.1", clarity: { rating: 4 } },
          ],
          respondent,
        }),
        { locale: "en", channel: "web" },
      );
      if (!r.ok) throw new Error("not stored");
    }
    const first = await listFeedback(c.id, {});
    expect(first.items).toHaveLength(PAGE_SIZE);
    expect(first.next).not.toBeNull();
    const second = await listFeedback(c.id, {}, first.next!);
    expect(second.items).toHaveLength(60 - PAGE_SIZE);
    expect(second.next).toBeNull();
    const ids = [...first.items, ...second.items].map((i) => i.id);
    expect(new Set(ids).size).toBe(60);
    const numbers = [...first.items, ...second.items].map((i) => Number(i.number));
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
  });
});

describe("listFeedback past the walk's budget", () => {
  it("gathers the very same pages, in the same order, for every kind of filter and both orders", async () => {
    const c = await createConsultation();
    const mod = await createUser({
      email: `${uniqueSlug("m")}@example.org`,
      name: "Mod",
      role: "moderator",
      password: "twelve chars at least",
    });
    for (let i = 0; i < 40; i++) {
      const r = await submitResponse(
        c.slug,
        ZResponseInput.parse({
          feedback: [
            { clause: "1", clarity: { rating: 1 + (i % 5), comment: i % 3 ? `Budget remark ${i}` : undefined } },
            { clause: "1.1", clarity: { rating: 4 } },
          ],
          respondent,
        }),
        { locale: "en", channel: "web" },
      );
      if (!r.ok) throw new Error("not stored");
    }
    // Every item of clause 1 decided, none of 1.1: "no decision" and clause 1 go together, as in the case the budget is for.
    const clause1 = (await listFeedback(c.id, { clause: "1" }, undefined, 0)).items.map((i) => i.id);
    expect(
      await triageItems(
        mod.id,
        ZTriage.parse({ ids: clause1.slice(0, 25), disposition: "accepted", status: "addressed" }),
      ),
    ).toMatchObject({ ok: true });
    const filters: TQueueFilter[] = [
      {},
      { clause: "1" },
      { clause: "1", decision: "none" },
      { clause: "1.1", decision: "none" },
      { status: "addressed" },
      { minRating: 3, sort: "oldest" },
      { q: "budget" },
      { decision: "accepted", sort: "oldest" },
      { assignee: "none", aspect: "clarity" },
    ];
    for (const f of filters) {
      let walked = await listFeedback(c.id, f);
      let gathered = await listFeedback(c.id, f, undefined, 0);
      for (let pages = 0; ; pages++) {
        expect(gathered.items.map((i) => i.id)).toEqual(walked.items.map((i) => i.id));
        expect(gathered.next).toBe(walked.next);
        if (!walked.next || pages > 3) break;
        [walked, gathered] = await Promise.all([
          listFeedback(c.id, f, walked.next),
          listFeedback(c.id, f, walked.next, 0),
        ]);
      }
    }
    expect((await listFeedback(c.id, { clause: "1", decision: "none" }, undefined, 0)).items).toHaveLength(15);
  });
});

describe("listFeedback order", () => {
  it("can walk oldest first, by keyset too", async () => {
    const c = await createConsultation();
    for (let i = 0; i < 27; i++) {
      const r = await submitResponse(
        c.slug,
        ZResponseInput.parse({
          feedback: [
            { clause: "1", clarity: { rating: 3 } },
            { clause: "1.1", clarity: { rating: 4 } },
          ],
          respondent,
        }),
        { locale: "en", channel: "web" },
      );
      if (!r.ok) throw new Error("not stored");
    }
    const first = await listFeedback(c.id, { sort: "oldest" });
    const second = await listFeedback(c.id, { sort: "oldest" }, first.next!);
    const numbers = [...first.items, ...second.items].map((i) => Number(i.number));
    expect(numbers).toHaveLength(54);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
  });
});

describe("listFeedback search pages", () => {
  it("keeps the search on every page", async () => {
    const c = await createConsultation();
    for (let i = 0; i < 60; i++) {
      const r = await submitResponse(
        c.slug,
        ZResponseInput.parse({
          feedback: [
            { clause: "1", clarity: { comment: `Quokkas ${i} are clearer than this` } },
            { clause: "1.1", clarity: { comment: `Item ${i} without the animal` } },
          ],
          respondent,
        }),
        { locale: "en", channel: "web" },
      );
      if (!r.ok) throw new Error("not stored");
    }
    const first = await listFeedback(c.id, { q: "quokka" });
    expect(first.next).not.toBeNull();
    const second = await listFeedback(c.id, { q: "quokka" }, first.next!);
    const all = [...first.items, ...second.items];
    expect(all).toHaveLength(60);
    expect(all.every((i) => i.comment?.startsWith("Quokkas"))).toBe(true);
  });
});
