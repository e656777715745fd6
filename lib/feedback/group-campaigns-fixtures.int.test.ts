import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createConsultation } from "@/test/db-fixtures";
import { insertComments } from "@/test/campaign-fixtures";
import { groupCampaigns } from "./group-campaigns";

// A form letter (about 400 characters) and nine variants: a sentence added, one removed,
// the name changed, the "… we ask … Thank you." ending varied.
const S = [
  "Dear members of the drafting committee,",
  "As residents of the river valley we have followed the consultation on the declaration with great interest.",
  "We are concerned that principle three leaves the funding of local innovation labs entirely to municipalities.",
  "Small towns cannot carry that cost alone and will fall further behind the capitals.",
  "We ask that the declaration commits national governments to share the cost of local labs for at least ten years.",
];
const LETTER = [...S, "Thank you for your attention. Maria Rossi"].join(" ");
const VARIANTS = [
  LETTER,
  [
    ...S,
    "Our children deserve the same public services as anyone in the capital.",
    "Thank you for your attention. Jan Novak",
  ].join(" "), // sentence added
  [S[0], S[1], S[2], S[4], "Thank you for your attention. Aiko Tanaka"].join(" "), // sentence removed
  [...S, "Thank you for your attention. Pierre Martin"].join(" "), // name changed
  [...S, "Thank you. Ana Souza"].join(" "), // ending varied
  [...S, "We thank you in advance and hope to be heard."].join(" "),
  [
    S[0],
    S[1],
    S[2],
    S[3],
    "We ask that national governments share the cost of local labs.",
    "Thank you, Omar Haddad",
  ].join(" "), // the ask reworded
  [S[1], S[2], S[3], S[4], "Many thanks."].join(" "), // no greeting
  [...S.map((s) => s.toUpperCase()), "THANK YOU!"].join(" "),
  [
    S[0],
    "I live in the river valley and have read the draft declaration closely.",
    S[2],
    S[3],
    S[4],
    "Thank you. Lena Vogel",
  ].join(" "),
];

const OTHER = [
  "To the secretariat: the glossary defines 'public value' in a way no ministry could measure.",
  "Please add an indicator for each principle so that countries can report on progress every two years.",
  "We ask you to publish the indicators with the declaration. Regards, the Open Labs Network.",
].join(" ");
const OTHER_VARIANTS = [
  OTHER,
  OTHER.replace("Open Labs Network", "Civic Tech Forum"),
  OTHER.replace("every two years", "every year"),
  `${OTHER} Thank you.`,
];

// Stock replies, short once folded (lower-cased, punctuation and spacing folded): never a campaign,
// neither as identical copies nor as near-duplicates of one another.
const STOCK = [
  "I agree",
  "Good",
  "Not clear",
  "Agree.",
  "ok",
  "I agree with this principle.",
  "Good, I support this fully!",
  "Not clear enough, please rewrite.",
  "I fully agree with principle one",
  "Agree. Agree. Agree.",
];

async function campaignsOf(consultationId: string) {
  const items = (
    await db.feedbackItem.findMany({
      where: { response: { consultationId } },
      select: { id: true, comment: true, triage: { select: { campaignId: true } } },
    })
  ).map(({ triage, ...i }) => ({ ...i, campaignId: triage!.campaignId }));
  const by = new Map<string, string[]>();
  for (const i of items) if (i.campaignId) by.set(i.campaignId, [...(by.get(i.campaignId) ?? []), i.comment!]);
  return { items, by };
}

describe("grouping campaigns: form letters and short stock comments", () => {
  it("puts a form letter and its nine variants in one campaign of 10", async () => {
    const c = await createConsultation();
    await insertComments(c.id, VARIANTS);
    expect(await groupCampaigns(c.id)).toEqual({ campaigns: 1, grouped: 10 });
    const { by } = await campaignsOf(c.id);
    expect([...by.values()].map((v) => v.length)).toEqual([10]);
  });

  it("never groups 150 short stock comments, identical or alike", async () => {
    const c = await createConsultation();
    await insertComments(
      c.id,
      Array.from({ length: 150 }, (_, i) => STOCK[i % STOCK.length]),
    );
    expect(await groupCampaigns(c.id)).toEqual({ campaigns: 0, grouped: 0 });
  });

  it("makes two campaigns of two different letters, and leaves the stock comments and one-off comments alone", async () => {
    const c = await createConsultation();
    const oneOff = [
      "The preamble should mention the role of public servants who test new ideas in their daily work.",
      "Principle five is fine as it is but the timeline in annex two is unrealistic for small countries.",
    ];
    await insertComments(c.id, [
      ...VARIANTS,
      ...OTHER_VARIANTS,
      ...Array.from({ length: 150 }, (_, i) => STOCK[i % STOCK.length]),
      ...oneOff,
    ]);
    expect(await groupCampaigns(c.id)).toEqual({ campaigns: 2, grouped: 14 });
    const { by, items } = await campaignsOf(c.id);
    const sizes = [...by.values()].map((v) => v.length).sort((a, b) => a - b);
    expect(sizes).toEqual([4, 10]);
    const small = [...by.values()].find((v) => v.length === 4)!;
    expect(small.every((t) => t.startsWith("To the secretariat"))).toBe(true);
    expect(
      items
        .filter((i) => oneOff.includes(i.comment!) || STOCK.includes(i.comment!))
        .every((i) => i.campaignId === null),
    ).toBe(true);
    expect(await groupCampaigns(c.id)).toEqual({ campaigns: 2, grouped: 14 }); // a second run changes nothing
  });
});
