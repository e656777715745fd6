// Client addresses are never stored: only a keyed hash (HMAC-SHA-256 with
// AUTH_SECRET), enough to see that many responses came from one address,
// useless to anyone without the secret.
import { createHmac } from "node:crypto";
import { requireSecret } from "@/lib/env";

export function ipHash(ip: string | undefined): string | null {
  if (!ip || ip === "unknown") return null;
  return createHmac("sha256", requireSecret()).update(`ip:${ip}`).digest("hex");
}
