// Auth.js (next-auth v5): email and password, JWT sessions that expire after
// an hour without activity. Who may do what is decided by requireRole(),
// which reads the account from the database on every call, so a disabled
// account or a changed role takes effect at once.
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { db } from "@/lib/db";
import { appUrl, env, requireSecret } from "@/lib/env";
import { clientIp } from "@/lib/http/client-ip";
import { verifyCredentials, type TRole } from "@/lib/users/verify-credentials";

export const SESSION_IDLE_SECONDS = 60 * 60;

/** Thrown by authorize() so the sign-in form can say the address is locked. */
export class LockedSignIn extends CredentialsSignin {
  code = "locked";
}

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string; role: TRole };
  }
  interface User {
    role?: TRole;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: requireSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_IDLE_SECONDS, updateAge: 0 },
  pages: { signIn: "/en/sign-in" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const result = await verifyCredentials(credentials?.email, credentials?.password, { clientIp: clientIp(request.headers) });
        if (result.ok) return result.user;
        if (result.reason === "locked") throw new LockedSignIn();
        return null;
      },
    }),
  ],
  callbacks: {
    // Redirects stay on this site, at APP_URL when it is set: never on a host a request named
    // (Auth.js, trusting the host, would build them from Host or X-Forwarded-Host).
    redirect({ url, baseUrl }) {
      const base = env().APP_URL ? appUrl() : baseUrl;
      if (url.startsWith("/") && !url.startsWith("//")) return `${base}${url}`;
      try {
        const target = new URL(url);
        if (target.origin === new URL(base).origin) return url;
      } catch {
        /* not an address: home */
      }
      return base;
    },
    jwt({ token, user }) {
      if (user?.id) {
        token.uid = user.id;
        token.role = user.role;
      }
      return token;
    },
    session({ session, token }) {
      session.user = { ...session.user, id: String(token.uid), role: token.role as TRole, email: session.user?.email ?? "", name: session.user?.name ?? "" };
      return session;
    },
  },
}));

export type TCurrentUser = {
  id: string;
  email: string;
  name: string;
  role: TRole;
  /** Delegates: the country they answer for, and whether they may submit (approver) or only draft. */
  country: string | null;
  delegationRole: "drafter" | "approver" | null;
};

/** The signed-in account as the database has it now, or null. */
export async function currentUser(): Promise<TCurrentUser | null> {
  const session = await auth();
  const id = session?.user?.id;
  if (!id || !/^[0-9a-f-]{36}$/.test(id)) return null;
  const user = await db.appUser.findUnique({ where: { id }, select: { id: true, email: true, name: true, role: true, disabledAt: true, country: true, delegationRole: true },
  });
  if (!user || user.disabledAt) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, country: user.country, delegationRole: user.delegationRole };
}

export class AccessDenied extends Error {
  constructor(readonly status: 401 | 403) {
    super(status === 401 ? "Sign in first." : "Your role does not allow this.");
  }
}

const RANK: Record<TRole, TRole[]> = {
  admin: ["admin"],
  moderator: ["admin", "moderator"],
  delegate: ["admin", "delegate"],
};

/**
 * The one authorization check. Every moderation page, Server Action and Route
 * Handler calls it itself (proxy.ts is never the guard). Admins may do what
 * moderators and delegates may. Throws AccessDenied (401 or 403).
 */
export async function requireRole(role: TRole): Promise<TCurrentUser> {
  const user = await currentUser();
  if (!user) throw new AccessDenied(401);
  if (!RANK[role].includes(user.role)) throw new AccessDenied(403);
  return user;
}

/**
 * requireRole for a page: anonymous visitors go to the sign-in page and come
 * back; a signed-in account without the role gets "not found", which says
 * nothing about what is there.
 */
export async function requireRoleForPage(role: TRole, locale: string, path: string): Promise<TCurrentUser> {
  const { redirect, notFound } = await import("next/navigation");
  try {
    return await requireRole(role);
  } catch (e) {
    if (!(e instanceof AccessDenied)) throw e;
    if (e.status === 401) redirect(`/${locale}/sign-in?callbackUrl=${encodeURIComponent(path)}`);
    return notFound();
  }
}

/** requireRole for a Server Action: the account, or null (the action answers with an error state). */
export async function requireRoleOrNull(role: TRole): Promise<TCurrentUser | null> {
  try {
    return await requireRole(role);
  } catch (e) {
    if (e instanceof AccessDenied) return null;
    throw e;
  }
}
