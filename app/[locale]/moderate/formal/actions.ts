"use server";
import { revalidatePath } from "next/cache";
import { getConsultation } from "@/lib/consultations/get-consultation";
import { zonedLocalToUtc } from "@/lib/consultations/zoned-time";
import { formAction } from "@/lib/forms/action";
import { ZFormalExtension, ZReopenFormal } from "@/lib/formal/schema";
import { grantExtension } from "@/lib/formal/grant-extension";
import { reopenFormal } from "@/lib/formal/reopen-formal";

// Moderators and admins: checked here.
export const reopenAction = formAction(
  { role: "moderator", schema: ZReopenFormal, field: "reason", errorField: (e) => ({ ...e, field: "reason" }) },
  async (input, { user, fail, ok }) => {
    const result = await reopenFormal(user.id, input.id, input.reason);
    if (!result.ok) return fail({ field: "reason", key: result.reason });
    revalidatePath("/[locale]/moderate/formal", "page");
    return ok();
  },
);

// Admins only: checked here.
export const extensionAction = formAction(
  { role: "admin", schema: ZFormalExtension, field: "country", maxValue: 1500 },
  async (input, { user, fail, ok }) => {
    const consultation = await getConsultation(input.slug);
    if (!consultation) return fail({ field: "country", key: "forbidden" });
    const until = zonedLocalToUtc(input.until, consultation.timeZone);
    if (!until) return fail({ field: "until", key: "untilInvalid" });
    const result = await grantExtension(user.id, consultation, input.country, until, input.reason);
    if (!result.ok) return fail({ field: result.reason === "reasonRequired" ? "reason" : "until", key: result.reason });
    revalidatePath("/[locale]/moderate/formal", "page");
    return ok();
  },
);
