import { describe, expect, it } from "vitest";
import { clientKey } from "./client-key.mjs";
import { clientIp } from "./client-ip";

describe("clientKey", () => {
  it("keys IPv6 clients by their /64, however the address is written", () => {
    const key = "2001:db8:1:2::/64";
    for (const a of [
      "2001:db8:1:2::1",
      "2001:0db8:0001:0002:ffff:ffff:ffff:ffff",
      "2001:DB8:1:2:0:0:0:9",
      "2001:db8:1:2::a%eth0",
      "2001:db8:1:2:1:2:192.0.2.1",
      key,
    ]) {
      expect(clientKey(a), a).toBe(key);
    }
    expect(clientKey("2001:db8:1:3::1")).toBe("2001:db8:1:3::/64");
    expect(clientKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(clientKey("::1")).toBe("0:0:0:0::/64");
    expect(clientKey("fe80::1:2:3:4")).toBe("fe80:0:0:0::/64");
  });

  it("keeps IPv4 addresses whole, also when a dual-stack socket writes them as IPv6", () => {
    expect(clientKey("192.0.2.7")).toBe("192.0.2.7");
    expect(clientKey("::ffff:192.0.2.7")).toBe("192.0.2.7");
    expect(clientKey("::FFFF:192.0.2.7")).toBe("192.0.2.7");
  });

  it("never fails on what is not an address", () => {
    expect(clientKey(undefined)).toBe("unknown");
    expect(clientKey("")).toBe("unknown");
    expect(clientKey("1:2:3")).toBe("1:2:3");
    expect(clientKey("1::2::3")).toBe("1::2::3");
    expect(clientKey("zz::1")).toBe("zz::1");
  });

  it("is what clientIp() gives to every limit", () => {
    expect(clientIp(new Headers({ "x-clausewise-client-ip": "2001:db8:1:2::99" }))).toBe("2001:db8:1:2::/64");
    expect(clientIp(new Headers({ "x-clausewise-client-ip": "203.0.113.9" }))).toBe("203.0.113.9");
    expect(clientIp(new Headers())).toBe("unknown");
  });
});
