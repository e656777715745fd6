"use server";
import { headers } from "next/headers";
import { isLocale } from "@/lib/i18n/routing";
import { clientIp } from "@/lib/http/client-ip";
import { formAction } from "@/lib/forms/action";
import { ZForgotPassword } from "@/lib/password-resets/schema";
import { requestPasswordReset } from "@/lib/password-resets/request-password-reset";

// Public by nature (someone who cannot sign in). The answer is the same whether or not the address has an account:
// requestPasswordReset only counts the request and queues the look-up; limited per client address and per email.
export const forgotPasswordAction = formAction(
  {
    role: "public",
    schema: ZForgotPassword,
    field: "email",
    maxValue: 300,
    read: (_, values) => ({ email: (values.email ?? "").trim() }),
  },
  async (input, { values, fail, ok }) => {
    const locale = isLocale(values.locale) ? values.locale : "en";
    const result = await requestPasswordReset(input.email, locale, { clientIp: clientIp(await headers()) });
    if (!result.ok)
      return fail(
        { field: "email", key: "rateLimited" },
        { minutes: String(Math.ceil(result.retryAfterSeconds / 60)) },
      );
    return ok({ email: input.email });
  },
);
