"use server";
import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/forms/action";
import { ZUnlockSignIn } from "@/lib/users/account-schema";
import { unlockSignIn } from "@/lib/users/unlock-sign-in";
import { isLocale } from "@/lib/i18n/routing";
import { ZSendPasswordReset } from "@/lib/password-resets/schema";
import { sendPasswordReset } from "@/lib/password-resets/send-password-reset";

// Admins only: checked here, whatever the page did. Clears an account's sign-in locks (logged in unlockSignIn).
export const unlockSignInAction = formAction(
  { role: "admin", schema: ZUnlockSignIn, field: "id", maxValue: 100 },
  async (input, { user, fail, ok }) => {
    const result = await unlockSignIn(user.id, input.id);
    if (!result.ok) return fail({ field: "id", key: result.key });
    revalidatePath("/[locale]/admin/accounts", "page");
    return ok();
  },
);

// Admins only: checked here. Sends an account a password reset link (sendPasswordReset refuses one's own account and
// a deactivated one, and logs it); the link comes back only when it was not emailed, to be shown this once.
export const sendPasswordResetAction = formAction(
  { role: "admin", schema: ZSendPasswordReset, field: "id", maxValue: 100 },
  async (input, { user, values, fail, ok }) => {
    const result = await sendPasswordReset(user.id, input.id, isLocale(values.locale) ? values.locale : "en");
    if (!result.ok) return fail({ field: "id", key: result.key });
    revalidatePath("/[locale]/admin/accounts", "page");
    return ok({
      email: result.email,
      emailed: String(result.emailed),
      expires: result.expiresAt.toISOString(),
      ...(result.emailed ? {} : { link: result.link }),
    });
  },
);
