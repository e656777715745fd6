"use server";
import { revalidatePath } from "next/cache";
import { requireRoleOrNull } from "@/lib/auth";
import { isLocale } from "@/lib/i18n/routing";
import { fieldErrors, formValues, type TFormState } from "@/lib/forms/form-state";
import { ZInvitation } from "@/lib/invitations/schema";
import { createInvitation } from "@/lib/invitations/create-invitation";
import { updateAccount } from "@/lib/users/manage-users";

// Admins only: checked here, whatever the page did.
export async function inviteAction(prev: TFormState, form: FormData): Promise<TFormState> {
  const nonce = prev.nonce + 1;
  const values = formValues(form, 300);
  const admin = await requireRoleOrNull("admin");
  if (!admin) return { status: "error", errors: [{ field: "email", key: "forbidden" }], values, nonce };
  const parsed = ZInvitation.safeParse({ ...values, email: values.email?.trim() });
  if (!parsed.success) return { status: "error", errors: fieldErrors(parsed.error.issues), values, nonce };
  const locale = isLocale(values.locale) ? values.locale : "en";
  const result = await createInvitation(admin, parsed.data, locale);
  if (!result.ok) return { status: "error", errors: [{ field: "email", key: result.reason }], values, nonce };
  revalidatePath("/[locale]/admin", "page");
  return {
    status: "ok", errors: [], values: {}, nonce,
    info: { email: parsed.data.email, link: result.link, emailed: String(result.emailed), expires: result.expiresAt.toISOString() },
  };
}

// Admins only: checked here (and nobody changes their own account: updateAccount).
export async function updateAccountAction(prev: TFormState, form: FormData): Promise<TFormState> {
  const nonce = prev.nonce + 1;
  const values = formValues(form, 100);
  const admin = await requireRoleOrNull("admin");
  if (!admin) return { status: "error", errors: [{ field: "role", key: "forbidden" }], values, nonce };
  const role = values.role === "admin" || values.role === "moderator" ? values.role : undefined;
  const delegationRole = values.delegationRole === "drafter" || values.delegationRole === "approver" ? values.delegationRole : undefined;
  const active = values.active === "yes" ? true : values.active === "no" ? false : undefined;
  const result = await updateAccount(admin.id, values.id ?? "", { role, delegationRole, active });
  if (!result.ok) return { status: "error", errors: [{ field: "role", key: result.key }], values, nonce };
  revalidatePath("/[locale]/admin/accounts", "page");
  return { status: "ok", errors: [], values: {}, nonce, info: { changed: result.changed.join("; ") } };
}
