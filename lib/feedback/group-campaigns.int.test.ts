import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createConsultation, respondent } from "@/test/db-fixtures";
import { ZResponseInput } from "@/lib/responses/schema";
import { submitResponse } from "@/lib/responses/submit-response";
import { groupCampaigns } from "./group-campaigns";

const LETTER =
  "We, the undersigned, ask that the declaration commits every government to publish its experiments openly.";

describe("groupCampaigns", () => {
  it("groups identical letters (whatever the case and punctuation) and near-identical ones, and keeps each respondent's item", async () => {
    const c = await createConsultation();
    const texts = [
      LETTER,
      LETTER.toUpperCase(),
      LETTER.replace(/,/g, "").replace("openly.", "openly!!"),
      LETTER.replace("every government", "every single government"), // near-identical
      "An unrelated comment about the clarity of principle one, written by hand.",
    ];
    for (const [i, text] of texts.entries()) {
      const r = await submitResponse(
        c.slug,
        ZResponseInput.parse({
          generalComment: text,
          respondent: { ...respondent, country: ["FR", "DE", "IT", "ES", "PT"][i] },
        }),
        { locale: "en", channel: "web" },
      );
      if (!r.ok) throw new Error("not stored");
    }
    const result = await groupCampaigns(c.id);
    expect(result).toEqual({ campaigns: 1, grouped: 4 });
    const items = (
      await db.feedbackItem.findMany({
        where: { response: { consultationId: c.id } },
        include: { response: true, triage: true },
      })
    ).map((i) => ({ ...i, campaignId: i.triage!.campaignId }));
    const grouped = items.filter((i) => i.campaignId);
    expect(new Set(grouped.map((i) => i.campaignId)).size).toBe(1);
    expect(items.find((i) => i.comment!.startsWith("An unrelated"))!.campaignId).toBeNull();
    expect(grouped.map((i) => i.response.country).sort()).toEqual(["DE", "ES", "FR", "IT"]); // each record kept
    expect(await groupCampaigns(c.id)).toEqual(result); // running it again changes nothing
  });

  it("groups the same letter signed by different people, with no identical copy, and nothing else", async () => {
    const c = await createConsultation();
    const body =
      "Dear drafting team, our association of local innovation labs asks that principle four recognise the role of municipalities in testing new services with residents.";
    const texts = [
      `${body} Signed, Amina Diallo`,
      `${body} Signed, Jonas Weber`,
      `${body} Kind regards, Li Wei`,
      "Dear drafting team, I think the preamble is far too long and should be cut by half, it repeats itself.",
      "Principle two should name the budget needed to train every public servant in design methods.",
    ];
    for (const text of texts) {
      const r = await submitResponse(c.slug, ZResponseInput.parse({ generalComment: text, respondent }), {
        locale: "en",
        channel: "web",
      });
      if (!r.ok) throw new Error("not stored");
    }
    expect(await groupCampaigns(c.id)).toEqual({ campaigns: 1, grouped: 3 });
    const items = await db.feedbackItem.findMany({
      where: { response: { consultationId: c.id } },
      include: { triage: true },
    });
    const signers = items
      .filter((i) => i.triage!.campaignId)
      .map((i) => /(Amina Diallo|Jonas Weber|Li Wei)$/.exec(i.comment!)?.[1]);
    expect(signers.sort()).toEqual(["Amina Diallo", "Jonas Weber", "Li Wei"]);
  });
});
