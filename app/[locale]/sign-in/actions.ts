"use server";
import { AuthError } from "next-auth";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { auth, signIn, signOut, LockedSignIn } from "@/lib/auth";
import { formAction } from "@/lib/forms/action";
import { endSession } from "@/lib/users/session";
import { isLocale } from "@/lib/i18n/routing";
import { safeCallback, ZSignIn } from "@/lib/users/sign-in-form";

// Public by nature (signing in). Failures are counted and locked in verifyCredentials. The password is never sent back.
export const signInAction = formAction(
  {
    role: "public",
    schema: ZSignIn,
    field: "email",
    maxValue: 300,
    secret: ["password"],
    read: (form) => ({ email: String(form.get("email") ?? "").slice(0, 300), password: form.get("password") ?? "" }),
  },
  async (input, { form, fail, idle }) => {
    const locale = isLocale(form.get("locale")) ? String(form.get("locale")) : "en";
    try {
      await signIn("credentials", {
        ...input,
        redirectTo: safeCallback(form.get("callbackUrl"), `/${locale}/moderate`),
      });
    } catch (e) {
      if (isRedirectError(e)) throw e;
      if (e instanceof LockedSignIn || (e instanceof AuthError && (e as { code?: string }).code === "locked"))
        return fail({ field: "email", key: "locked" });
      if (e instanceof AuthError) return fail({ field: "email", key: "invalid" });
      throw e;
    }
    return idle();
  },
);

// Anyone may sign themselves out. Every session of the account ends, here, where a failure is an error the
// person sees rather than a "signed out" page (Auth.js only logs a failing events.signOut, which covers
// POST /api/auth/signout and finds nothing left to end after this).
export async function signOutAction(form: FormData): Promise<void> {
  const locale = isLocale(form.get("locale")) ? String(form.get("locale")) : "en";
  const session = await auth();
  if (session?.user) await endSession({ uid: session.user.id, sv: session.sv });
  await signOut({ redirectTo: `/${locale}/sign-in?signedOut=1` });
}
