import { describe, expect, it } from "vitest";
import { createConsultation, respondent } from "@/test/db-fixtures";
import { ZResponseInput } from "@/lib/responses/schema";
import { submitResponse } from "@/lib/responses/submit-response";
import { db } from "@/lib/db";
import { getOverview } from "./overview";

describe("getOverview", () => {
  it("counts by clause and aspect, averages ratings, and lists terms with their proposals", async () => {
    const c = await createConsultation();
    const add = async (body: unknown) => {
      const r = await submitResponse(c.slug, ZResponseInput.parse(body), { locale: "en", channel: "web" });
      if (!r.ok) throw new Error("not stored");
    };
    await add({
      feedback: [
        { clause: "1.1", clarity: { rating: 2 }, language: { term: "Weak signals", proposedWording: "early signs" } },
      ],
      respondent: { ...respondent, country: "FR" },
    });
    await add({
      feedback: [
        { clause: "1.1", clarity: { rating: 5 }, language: { term: "weak signals", proposedWording: "early signs" } },
      ],
      respondent: { ...respondent, country: "FR", type: "group", organisationName: "G" },
    });
    await add({
      feedback: [{ clause: "1", feasibility: { rating: 3 } }],
      generalComment: "General",
      respondent: { ...respondent, country: "SN" },
    });
    const clause11 = await db.clause.findFirstOrThrow({ where: { consultationId: c.id, key: "1.1" } });

    const o = await getOverview(c.id, "Europe/Paris");
    const cell = o.byClauseAspect.find((x) => x.clause_id === clause11.id && x.aspect === "clarity");
    expect(cell).toMatchObject({ n: 2, avg_rating: 3.5 });
    expect(o.byClauseAspect.find((x) => x.clause_id === null)).toMatchObject({ aspect: "general", n: 1 });
    expect(o.byType).toEqual([
      { key: "individual", n: 2 },
      { key: "group", n: 1 },
    ]);
    expect(o.byCountry).toEqual([
      { key: "FR", n: 2 },
      { key: "SN", n: 1 },
    ]);
    expect(o.byDay.reduce((s, d) => s + d.n, 0)).toBe(3);
    expect(o.terms).toEqual([{ term: "weak signals", proposed: "early signs", n: 2 }]);
  });
});
