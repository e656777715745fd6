import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/lib/auth";

/**
 * "Signed in as … · Sign out" in the header, for staff who are signed in; nothing for respondents.
 * `signOutAction` is the sign-in route's Server Action, passed down by the layout (components never import app/).
 */
export async function AccountMenu({
  locale,
  signOutAction,
}: {
  locale: string;
  signOutAction: (form: FormData) => Promise<void>;
}) {
  // Respondents have no session cookie: skip Auth.js entirely on their pages (the flash-crowd path).
  const jar = await cookies();
  if (!jar.getAll().some((c) => c.name.endsWith("authjs.session-token") || c.name.includes("authjs.session-token.")))
    return null;
  // The account as the database has it: a session that has ended (signed out elsewhere, role changed) shows nothing.
  const user = await currentUser().catch(() => null);
  if (!user) return null;
  const t = await getTranslations({ locale, namespace: "auth" });
  return (
    <form action={signOutAction} className="flex flex-wrap items-center gap-x-3 gap-y-1 text-white">
      <span>{t("signedInAs", { name: user.name || user.email })}</span>
      {user.role === "delegate" ? (
        <a href={`/${locale}/delegation`} className="text-white focus-visible:text-ink">
          {t("navDelegation")}
        </a>
      ) : (
        <a href={`/${locale}/moderate`} className="text-white focus-visible:text-ink">
          {t("navModeration")}
        </a>
      )}
      {user.role === "admin" ? (
        <a href={`/${locale}/admin`} className="text-white focus-visible:text-ink">
          {t("navAdmin")}
        </a>
      ) : null}
      <input type="hidden" name="locale" value={locale} />
      <button type="submit" className="border-2 border-white px-2 py-1 font-bold text-white focus-visible:text-ink">
        {t("signOut")}
      </button>
    </form>
  );
}
