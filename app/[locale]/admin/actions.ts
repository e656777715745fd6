"use server";
import { revalidatePath } from "next/cache";
import { isLocale } from "@/lib/i18n/routing";
import { formAction } from "@/lib/forms/action";
import { ZInvitation } from "@/lib/invitations/schema";
import { createInvitation } from "@/lib/invitations/create-invitation";
import { ZAccountChange } from "@/lib/users/account-schema";
import { updateAccount } from "@/lib/users/manage-users";

// Admins only: checked here, whatever the page did.
export const inviteAction = formAction(
  {
    role: "admin",
    schema: ZInvitation,
    field: "email",
    maxValue: 300,
    read: (_, values) => ({ ...values, email: values.email?.trim() }),
  },
  async (input, { user, values, fail, ok }) => {
    const result = await createInvitation(user, input, isLocale(values.locale) ? values.locale : "en");
    if (!result.ok) return fail({ field: "email", key: result.reason });
    revalidatePath("/[locale]/admin", "page");
    return ok({
      email: input.email,
      link: result.link,
      emailed: String(result.emailed),
      expires: result.expiresAt.toISOString(),
    });
  },
);

// Admins only: checked here (and nobody changes their own account: updateAccount).
export const updateAccountAction = formAction(
  { role: "admin", schema: ZAccountChange, field: "role", maxValue: 100 },
  async (input, { user, fail, ok }) => {
    const { id, ...change } = input;
    const result = await updateAccount(user.id, id, change);
    if (!result.ok) return fail({ field: "role", key: result.key });
    revalidatePath("/[locale]/admin/accounts", "page");
    return ok({ changed: result.changed.join("; ") });
  },
);
