"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { isLocale } from "@/lib/i18n/routing";
import { clientIp } from "@/lib/http/client-ip";
import { formAction } from "@/lib/forms/action";
import { ZResetPassword } from "@/lib/password-resets/schema";
import { resetPassword } from "@/lib/password-resets/reset-password";

// Public: the one-time token in the form is the authorization (checked and used up in resetPassword, which also
// limits attempts per client address). The passwords and the token are never sent back. Once the password is
// changed, every session of the account has ended: the person signs in with the new password.
export const resetPasswordAction = formAction(
  {
    role: "public",
    schema: ZResetPassword,
    maxValue: 200,
    secret: ["password", "confirm", "token"],
    read: (form) => {
      const str = (k: string) => String(form.get(k) ?? "").slice(0, 1000);
      return { password: str("password"), confirm: str("confirm") };
    },
  },
  async (input, { form, fail }) => {
    const locale = isLocale(form.get("locale")) ? String(form.get("locale")) : "en";
    const result = await resetPassword(form.get("token"), input, { clientIp: clientIp(await headers()) });
    if (!result.ok && result.reason === "rateLimited")
      return fail(
        { field: "password", key: "setRateLimited" },
        { minutes: String(Math.ceil(result.retryAfterSeconds / 60)) },
      );
    if (!result.ok) return fail({ field: "form", key: result.reason }, { refused: "true" });
    redirect(`/${locale}/sign-in?reset=1`);
  },
);
