// A hidden draft (not yet published) is read by admins only: to everyone else, moderators
// included, it is "not found" exactly as an unknown slug.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getItem } from "@/lib/feedback/get-item";
import { submitResponse } from "@/lib/responses/submit-response";
import { ZResponseInput } from "@/lib/responses/schema";
import { createConsultation, respondent, staff } from "@/test/db-fixtures";
import { clearConsultationCache, getConsultationFor, getPublishedConsultation } from "./get-consultation";
import { listConsultationsFor } from "./list-consultations";
import { listPublicConsultations } from "./public-consultation";

describe("a hidden draft consultation", () => {
  it("is read, listed and its items found by admins only; moderators and the public get nothing", async () => {
    // An item that got in while it was published (or before this rule): then the consultation is hidden.
    // Closing sooner than the other tests' consultations, so it leads the admin's list (LIST_LIMIT) whatever else the run made.
    const c = await createConsultation({ closesAt: new Date(Date.now() + 10 * 60_000) });
    const r = await submitResponse(
      c.slug,
      ZResponseInput.parse({ generalComment: "Seen while published.", respondent }),
      { locale: "en", channel: "web" },
    );
    expect(r.ok).toBe(true);
    const item = await db.feedbackItem.findFirstOrThrow({ where: { response: { consultationId: c.id } } });
    await db.consultation.update({ where: { id: c.id }, data: { publishedAt: null } });
    await clearConsultationCache();
    const [moderator, admin] = [await staff("moderator"), await staff("admin")];

    expect(await getPublishedConsultation(c.slug)).toBeNull();
    expect(await getConsultationFor(moderator, c.slug)).toBeNull();
    expect((await getConsultationFor(admin, c.slug))?.id).toBe(c.id);
    expect((await listConsultationsFor(moderator)).map((x) => x.id)).not.toContain(c.id);
    expect((await listPublicConsultations()).map((x) => x.id)).not.toContain(c.id);
    expect((await listConsultationsFor(admin)).map((x) => x.id)).toContain(c.id);
    expect(await getItem(item.id, moderator)).toBeNull();
    expect((await getItem(item.id, admin))?.id).toBe(item.id);
    // Nobody can answer it meanwhile.
    expect(
      await submitResponse(c.slug, ZResponseInput.parse({ generalComment: "Too early.", respondent }), {
        locale: "en",
        channel: "web",
      }),
    ).toEqual({ ok: false, reason: "not_found" });
  });
});
