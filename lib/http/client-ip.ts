import { clientKey } from "./client-key.mjs";

// scripts/server.mjs sets this header from the socket (or, with TRUST_PROXY,
// from X-Forwarded-For) and overwrites whatever the client sent. What comes
// back is the key limits count under: IPv6 clients by their /64 (client-key.mjs).
export function clientIp(headers: Headers): string {
  return clientKey(headers.get("x-clausewise-client-ip"));
}
