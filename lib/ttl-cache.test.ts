import { describe, it, expect } from "vitest";
import { ttlCache } from "./ttl-cache";

function counting<V>(make: (key: string, call: number) => Promise<V>) {
  const calls: string[] = [];
  const load = (key: string) => {
    calls.push(key);
    return make(key, calls.length);
  };
  return { calls, load };
}

function deferred<V>() {
  let resolve!: (v: V) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<V>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe("ttlCache", () => {
  it("serves a value from the cache within the ttl", async () => {
    const { calls, load } = counting(async (key, n) => `${key}#${n}`);
    const cache = ttlCache(1000, load);
    expect(await cache.get("a", 0)).toBe("a#1");
    expect(await cache.get("a", 500)).toBe("a#1");
    expect(await cache.get("a", 999)).toBe("a#1");
    expect(calls).toEqual(["a"]);
  });

  it("reloads once the ttl has passed", async () => {
    const { calls, load } = counting(async (key, n) => `${key}#${n}`);
    const cache = ttlCache(1000, load);
    expect(await cache.get("a", 0)).toBe("a#1");
    expect(await cache.get("a", 1000)).toBe("a#2");
    expect(await cache.get("a", 1500)).toBe("a#2");
    expect(await cache.get("a", 2000)).toBe("a#3");
    expect(calls).toEqual(["a", "a", "a"]);
  });

  it("keeps keys apart", async () => {
    const { calls, load } = counting(async (key, n) => `${key}#${n}`);
    const cache = ttlCache(1000, load);
    expect(await cache.get("a", 0)).toBe("a#1");
    expect(await cache.get("b", 0)).toBe("b#2");
    expect(await cache.get("a", 10)).toBe("a#1");
    expect(calls).toEqual(["a", "b"]);
  });

  it("shares one load between concurrent misses", async () => {
    const d = deferred<string>();
    const { calls, load } = counting(() => d.promise);
    const cache = ttlCache(1000, load);
    const first = cache.get("a", 0);
    const second = cache.get("a", 1);
    const third = cache.get("a", 2);
    expect(calls).toEqual(["a"]);
    d.resolve("value");
    expect(await Promise.all([first, second, third])).toEqual(["value", "value", "value"]);
    expect(calls).toHaveLength(1);
  });

  it("does not cache a rejected load", async () => {
    const { calls, load } = counting(async (key, n) => {
      if (n === 1) throw new Error("database down");
      return `${key}#${n}`;
    });
    const cache = ttlCache(1000, load);
    await expect(cache.get("a", 0)).rejects.toThrow("database down");
    expect(await cache.get("a", 1)).toBe("a#2");
    expect(await cache.get("a", 2)).toBe("a#2");
    expect(calls).toHaveLength(2);
  });

  it("shares a pending load that then rejects, and retries afterwards", async () => {
    const d = deferred<string>();
    const { calls, load } = counting((_key, n) => (n === 1 ? d.promise : Promise.resolve("ok")));
    const cache = ttlCache(1000, load);
    const first = cache.get("a", 0);
    const second = cache.get("a", 0);
    d.reject(new Error("boom"));
    await expect(first).rejects.toThrow("boom");
    await expect(second).rejects.toThrow("boom");
    expect(calls).toHaveLength(1);
    expect(await cache.get("a", 0)).toBe("ok");
    expect(calls).toHaveLength(2);
  });

  it("clear() forgets every entry", async () => {
    const { calls, load } = counting(async (key, n) => `${key}#${n}`);
    const cache = ttlCache(1000, load);
    await cache.get("a", 0);
    cache.clear();
    expect(await cache.get("a", 1)).toBe("a#2");
    expect(calls).toHaveLength(2);
  });
});

describe("ttlCache when a stale load fails after a newer one succeeded", () => {
  it("keeps the newer value", async () => {
    let calls = 0;
    let rejectFirst: (e: Error) => void = () => {};
    const cache = ttlCache(100, () => {
      calls += 1;
      if (calls === 1) return new Promise<number>((_, reject) => (rejectFirst = reject));
      return Promise.resolve(calls);
    });
    const first = cache.get("k", 0);
    const second = await cache.get("k", 200); // the first is past its ttl: a new load
    rejectFirst(new Error("late failure"));
    await expect(first).rejects.toThrow("late failure");
    expect(await cache.get("k", 250)).toBe(second);
    expect(calls).toBe(2);
  });
});

describe("ttlCache with stale: true", () => {
  it("answers an expired value at once and refreshes it in the background, once", async () => {
    let calls = 0;
    let release: (v: number) => void = () => {};
    const cache = ttlCache(
      100,
      () => {
        calls += 1;
        return calls === 1 ? Promise.resolve(1) : new Promise<number>((r) => (release = r));
      },
      { stale: true },
    );
    expect(await cache.get("k", 0)).toBe(1);
    expect(await cache.get("k", 500)).toBe(1); // expired: the old value, a refresh starts
    expect(await cache.get("k", 501)).toBe(1); // still the old value, no second refresh
    expect(calls).toBe(2);
    release(2);
    await new Promise((r) => setTimeout(r, 0));
    expect(await cache.get("k", 550)).toBe(2);
    expect(calls).toBe(2);
  });
});
