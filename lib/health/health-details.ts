// Who may read /api/health's details: the operator's monitoring, with
// `Authorization: Bearer <HEALTH_TOKEN>` (compared in constant time), or a
// signed-in moderator or admin. Everyone else gets the status only.
import { createHash, timingSafeEqual } from "node:crypto";
import { currentUser } from "@/lib/auth";
import { env } from "@/lib/env";

const digest = (s: string) => createHash("sha256").update(s).digest();

export function hasHealthToken(headers: Headers): boolean {
  const token = env().HEALTH_TOKEN;
  const given = /^Bearer (\S+)$/.exec(headers.get("authorization") ?? "")?.[1];
  // Hashes have the same length whatever was sent, so the comparison takes the same time.
  return !!token && !!given && timingSafeEqual(digest(given), digest(token));
}

export async function mayReadHealthDetails(headers: Headers): Promise<boolean> {
  if (hasHealthToken(headers)) return true;
  if (!headers.get("cookie")) return false;
  const user = await currentUser();
  return user?.role === "admin" || user?.role === "moderator";
}
