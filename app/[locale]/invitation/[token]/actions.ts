"use server";
import { headers } from "next/headers";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { signIn } from "@/lib/auth";
import { isLocale } from "@/lib/i18n/routing";
import { clientIp } from "@/lib/http/client-ip";
import { fieldErrors, type TFormState } from "@/lib/forms/form-state";
import { ZAcceptInvitation } from "@/lib/invitations/schema";
import { acceptInvitation } from "@/lib/invitations/accept-invitation";

// Public: the one-time token in the form is the authorization (checked and used up in acceptInvitation,
// which also limits attempts per client address).
export async function acceptInvitationAction(prev: TFormState, form: FormData): Promise<TFormState> {
  const nonce = prev.nonce + 1;
  const str = (k: string) => String(form.get(k) ?? "").slice(0, 1000);
  const values = { name: str("name").slice(0, 200) };
  const locale = isLocale(form.get("locale")) ? String(form.get("locale")) : "en";
  const parsed = ZAcceptInvitation.safeParse({ name: str("name"), password: str("password"), confirm: str("confirm") });
  if (!parsed.success) return { status: "error", errors: fieldErrors(parsed.error.issues), values, nonce };
  const result = await acceptInvitation(form.get("token"), parsed.data, { clientIp: clientIp(await headers()) });
  if (!result.ok && result.reason === "rateLimited") {
    return { status: "error", errors: [{ field: "form", key: "rateLimited" }], values, nonce, info: { minutes: String(Math.ceil(result.retryAfterSeconds / 60)) } };
  }
  if (!result.ok) return { status: "error", errors: [{ field: "form", key: result.reason }], values, nonce };
  const home = result.role === "delegate" ? `/${locale}/delegation` : `/${locale}/moderate`;
  try {
    await signIn("credentials", { email: result.email, password: parsed.data.password, redirectTo: home });
  } catch (e) {
    if (isRedirectError(e)) throw e;
    // The account exists; signing in can be done by hand.
    return { status: "ok", errors: [], values: {}, nonce, info: { signIn: `/${locale}/sign-in` } };
  }
  return { status: "ok", errors: [], values: {}, nonce };
}
