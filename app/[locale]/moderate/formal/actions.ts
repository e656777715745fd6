"use server";
import { revalidatePath } from "next/cache";
import { requireRoleOrNull } from "@/lib/auth";
import { getConsultation } from "@/lib/consultations/get-consultation";
import { zonedLocalToUtc } from "@/lib/consultations/zoned-time";
import { isCountryCode } from "@/lib/countries/list-countries";
import { formValues, type TFormState } from "@/lib/forms/form-state";
import { grantExtension } from "@/lib/formal/grant-extension";
import { reopenFormal } from "@/lib/formal/reopen-formal";

// Moderators and admins: checked here.
export async function reopenAction(prev: TFormState, form: FormData): Promise<TFormState> {
  const nonce = prev.nonce + 1;
  const values = formValues(form, 2000);
  const user = await requireRoleOrNull("moderator");
  if (!user) return { status: "error", errors: [{ field: "reason", key: "forbidden" }], values, nonce };
  const id = values.id ?? "";
  if (!/^[0-9a-f-]{36}$/.test(id)) return { status: "error", errors: [{ field: "reason", key: "notSubmitted" }], values, nonce };
  const result = await reopenFormal(user.id, id, values.reason ?? "");
  if (!result.ok) return { status: "error", errors: [{ field: "reason", key: result.reason }], values, nonce };
  revalidatePath("/[locale]/moderate/formal", "page");
  return { status: "ok", errors: [], values: {}, nonce };
}

// Admins only: checked here.
export async function extensionAction(prev: TFormState, form: FormData): Promise<TFormState> {
  const nonce = prev.nonce + 1;
  const values = formValues(form, 1500);
  const user = await requireRoleOrNull("admin");
  if (!user) return { status: "error", errors: [{ field: "country", key: "forbidden" }], values, nonce };
  const consultation = await getConsultation((values.slug ?? "").slice(0, 64));
  if (!consultation) return { status: "error", errors: [{ field: "country", key: "forbidden" }], values, nonce };
  const errors = [];
  if (!isCountryCode(values.country)) errors.push({ field: "country", key: "countryRequired" });
  const until = zonedLocalToUtc(values.until ?? "", consultation.timeZone);
  if (!until) errors.push({ field: "until", key: "untilInvalid" });
  if (!(values.reason ?? "").trim()) errors.push({ field: "reason", key: "reasonRequired" });
  if (errors.length || !until) return { status: "error", errors, values, nonce };
  const result = await grantExtension(user.id, consultation, values.country!, until, values.reason ?? "");
  if (!result.ok) return { status: "error", errors: [{ field: result.reason === "reasonRequired" ? "reason" : "until", key: result.reason }], values, nonce };
  revalidatePath("/[locale]/moderate/formal", "page");
  return { status: "ok", errors: [], values: {}, nonce };
}
