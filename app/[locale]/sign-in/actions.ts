"use server";
import { AuthError } from "next-auth";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { auth, signIn, signOut, LockedSignIn } from "@/lib/auth";
import { endSession } from "@/lib/users/session";
import { isLocale } from "@/lib/i18n/routing";
import { safeCallback, ZSignIn, type TSignInState } from "@/lib/users/sign-in-form";

// Public by nature (signing in). Failures are counted and locked in verifyCredentials.
export async function signInAction(prev: TSignInState, form: FormData): Promise<TSignInState> {
  const nonce = (prev?.nonce ?? 0) + 1;
  const email = String(form.get("email") ?? "").slice(0, 300);
  const locale = isLocale(form.get("locale")) ? String(form.get("locale")) : "en";
  const parsed = ZSignIn.safeParse({ email, password: form.get("password") ?? "" });
  if (!parsed.success) {
    return { status: "fields", email, nonce, errors: parsed.error.issues.map((i) => ({ name: i.path[0] as "email" | "password", key: i.message })) };
  }
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safeCallback(form.get("callbackUrl"), `/${locale}/moderate`) });
  } catch (e) {
    if (isRedirectError(e)) throw e;
    if (e instanceof LockedSignIn || (e instanceof AuthError && (e as { code?: string }).code === "locked")) {
      return { status: "locked", email, nonce, errors: [{ name: "email", key: "locked" }] };
    }
    if (e instanceof AuthError) return { status: "invalid", email, nonce, errors: [{ name: "email", key: "invalid" }] };
    throw e;
  }
  return { status: "idle", email, nonce, errors: [] };
}

// Anyone may sign themselves out. Every session of the account ends, here, where a failure is an error the
// person sees rather than a "signed out" page (Auth.js only logs a failing events.signOut, which covers
// POST /api/auth/signout and finds nothing left to end after this).
export async function signOutAction(form: FormData): Promise<void> {
  const locale = isLocale(form.get("locale")) ? String(form.get("locale")) : "en";
  const session = await auth();
  if (session?.user) await endSession({ uid: session.user.id, sv: session.sv });
  await signOut({ redirectTo: `/${locale}/sign-in?signedOut=1` });
}
