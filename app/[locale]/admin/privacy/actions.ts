"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { isLocale } from "@/lib/i18n/routing";
import { countErasure, normaliseReference } from "@/lib/privacy/count-erasure";
import { requireRoleOrNull } from "@/lib/auth";
import { formValues, type TFormState } from "@/lib/forms/form-state";
import { eraseResponse } from "@/lib/privacy/erase-responses";
import { setRetention } from "@/lib/privacy/retention-settings";
import { logAdminEvent } from "@/lib/users/admin-event";

// Admins only: checked here. Without `confirm` (the reference, carried by the confirmation page) nothing is
// erased: the admin is sent to the page that says what erasing this response takes away.
export async function eraseAction(prev: TFormState, form: FormData): Promise<TFormState> {
  const nonce = prev.nonce + 1;
  const values = formValues(form, 100);
  const admin = await requireRoleOrNull("admin");
  if (!admin) return { status: "error", errors: [{ field: "reference", key: "forbidden" }], values, nonce };
  const errors = [];
  if (!values.reference?.trim()) errors.push({ field: "reference", key: "referenceRequired" });
  if (values.requested !== "yes") errors.push({ field: "requested", key: "confirmRequired" });
  if (errors.length) return { status: "error", errors, values, nonce };
  const reference = normaliseReference(values.reference);
  const locale = isLocale(values.locale) ? values.locale : "en";
  if (!values.confirm) {
    const counts = await countErasure(reference);
    if (!counts.ok) return { status: "error", errors: [{ field: "reference", key: counts.reason }], values, nonce };
    redirect(`/${locale}/admin/privacy/confirm?reference=${encodeURIComponent(reference)}`);
  }
  if (values.confirm !== reference) return { status: "error", errors: [{ field: "reference", key: "forbidden" }], values, nonce };
  const result = await eraseResponse(admin.id, reference);
  if (!result.ok) return { status: "error", errors: [{ field: "reference", key: result.reason }], values, nonce };
  revalidatePath("/[locale]/admin/privacy", "page");
  redirect(`/${locale}/admin/privacy?erased=${encodeURIComponent(reference)}`);
}

// Admins only: checked here.
export async function retentionAction(prev: TFormState, form: FormData): Promise<TFormState> {
  const nonce = prev.nonce + 1;
  const values = formValues(form, 100);
  const admin = await requireRoleOrNull("admin");
  if (!admin) return { status: "error", errors: [{ field: "days", key: "forbidden" }], values, nonce };
  const raw = (values.days ?? "").trim();
  const days = raw === "" ? null : Number(raw);
  if (days !== null && (!Number.isInteger(days) || days < 0 || days > 3650)) return { status: "error", errors: [{ field: "days", key: "daysInvalid" }], values, nonce };
  const publishFormal = values.publishFormal === "yes";
  if (!(await setRetention(values.id ?? "", values.slug ?? "", days, publishFormal))) return { status: "error", errors: [{ field: "days", key: "forbidden" }], values, nonce };
  await logAdminEvent(admin.id, "consultation.settings", values.slug ?? "", `retention ${days ?? "none"}; publish formal ${publishFormal}`);
  revalidatePath("/[locale]/admin/privacy", "page");
  return { status: "ok", errors: [], values: {}, nonce };
}
