"use server";
import { headers } from "next/headers";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { signIn } from "@/lib/auth";
import { isLocale } from "@/lib/i18n/routing";
import { clientIp } from "@/lib/http/client-ip";
import { formAction } from "@/lib/forms/action";
import { ZAcceptInvitation } from "@/lib/invitations/schema";
import { acceptInvitation } from "@/lib/invitations/accept-invitation";

// Public: the one-time token in the form is the authorization (checked and used up in acceptInvitation,
// which also limits attempts per client address). The passwords are never sent back.
export const acceptInvitationAction = formAction(
  {
    role: "public",
    schema: ZAcceptInvitation,
    maxValue: 200,
    secret: ["password", "confirm", "token"],
    read: (form) => {
      const str = (k: string) => String(form.get(k) ?? "").slice(0, 1000);
      return { name: str("name"), password: str("password"), confirm: str("confirm") };
    },
  },
  async (input, { form, fail, ok }) => {
    const locale = isLocale(form.get("locale")) ? String(form.get("locale")) : "en";
    const result = await acceptInvitation(form.get("token"), input, { clientIp: clientIp(await headers()) });
    if (!result.ok && result.reason === "rateLimited")
      return fail({ field: "form", key: "rateLimited" }, { minutes: String(Math.ceil(result.retryAfterSeconds / 60)) });
    if (!result.ok) return fail({ field: "form", key: result.reason });
    const home = result.role === "delegate" ? `/${locale}/delegation` : `/${locale}/moderate`;
    try {
      await signIn("credentials", { email: result.email, password: input.password, redirectTo: home });
    } catch (e) {
      if (isRedirectError(e)) throw e;
      // The account exists; signing in can be done by hand.
      return ok({ signIn: `/${locale}/sign-in` });
    }
    return ok();
  },
);
