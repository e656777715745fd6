"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { isLocale } from "@/lib/i18n/routing";
import { countErasure, normaliseReference } from "@/lib/privacy/count-erasure";
import { formAction } from "@/lib/forms/action";
import { eraseResponse } from "@/lib/privacy/erase-responses";
import { ZErasure, ZRetention } from "@/lib/privacy/schema";
import { setRetention } from "@/lib/privacy/retention-settings";
import { logAdminEvent } from "@/lib/users/admin-event";

// Admins only: checked here. Without `confirm` (the reference, carried by the confirmation page) nothing is
// erased: the admin is sent to the page that says what erasing this response takes away.
export const eraseAction = formAction(
  { role: "admin", schema: ZErasure, field: "reference", maxValue: 100 },
  async (input, { user, fail }) => {
    const reference = normaliseReference(input.reference);
    const locale = isLocale(input.locale) ? input.locale : "en";
    if (!input.confirm) {
      const counts = await countErasure(reference);
      if (!counts.ok) return fail({ field: "reference", key: counts.reason });
      redirect(`/${locale}/admin/privacy/confirm?reference=${encodeURIComponent(reference)}`);
    }
    if (input.confirm !== reference) return fail({ field: "reference", key: "forbidden" });
    const result = await eraseResponse(user.id, reference);
    if (!result.ok) return fail({ field: "reference", key: result.reason });
    revalidatePath("/[locale]/admin/privacy", "page");
    redirect(`/${locale}/admin/privacy?erased=${encodeURIComponent(reference)}`);
  },
);

// Admins only: checked here.
export const retentionAction = formAction(
  { role: "admin", schema: ZRetention, field: "days", maxValue: 100 },
  async (input, { user, fail, ok }) => {
    if (!(await setRetention(input.id, input.slug, input.days, input.publishFormal)))
      return fail({ field: "days", key: "forbidden" });
    await logAdminEvent(
      user.id,
      "consultation.settings",
      input.slug,
      `retention ${input.days ?? "none"}; publish formal ${input.publishFormal}`,
    );
    revalidatePath("/[locale]/admin/privacy", "page");
    return ok();
  },
);
