// scripts/server.mjs sets this header from the socket (or, with TRUST_PROXY,
// from X-Forwarded-For) and overwrites whatever the client sent.
export function clientIp(headers: Headers): string {
  return headers.get("x-clausewise-client-ip") ?? "unknown";
}
