import { describe, expect, it } from "vitest";
import { createBatcher, createCoalescer } from "../../lib/db/coalesce.ts";

describe("coalesced reads for a herd of joins", () => {
  it("callers asking for the same key in one turn share one read", async () => {
    const reads = createCoalescer<number>();
    let loads = 0;
    const load = () => Promise.resolve(++loads);
    const answers = await Promise.all(Array.from({ length: 50 }, () => reads.read("acme:inc-1", load)));
    expect(loads).toBe(1);
    expect(new Set(answers)).toEqual(new Set([1]));
  });

  it("different keys (another organisation, another room) never share", async () => {
    const reads = createCoalescer<string>();
    const seen: string[] = [];
    const load = (key: string) => () => {
      seen.push(key);
      return Promise.resolve(key);
    };
    const [a, b] = await Promise.all([reads.read("acme:inc-1", load("acme:inc-1")), reads.read("globex:inc-1", load("globex:inc-1"))]);
    expect([a, b]).toEqual(["acme:inc-1", "globex:inc-1"]);
    expect(seen.sort()).toEqual(["acme:inc-1", "globex:inc-1"]);
  });

  it("a caller arriving after the read started gets a read of its own, started after it asked", async () => {
    const reads = createCoalescer<number>();
    let loads = 0;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const first = reads.read("k", async () => {
      const n = ++loads;
      await gate;
      return n;
    });
    // Let the first read start.
    await new Promise((r) => setImmediate(r));
    expect(reads.waiting).toBe(0);
    const second = reads.read("k", () => Promise.resolve(++loads));
    release();
    expect(await first).toBe(1);
    expect(await second).toBe(2);
  });

  it("keeps one read in flight per key: everyone arriving while it runs shares the next one, started after it finished", async () => {
    const reads = createCoalescer<number>();
    let loads = 0;
    let inFlight = 0;
    let most = 0;
    const gates: (() => void)[] = [];
    const load = async () => {
      const n = ++loads;
      most = Math.max(most, ++inFlight);
      await new Promise<void>((r) => gates.push(r));
      inFlight--;
      return n;
    };
    const first = reads.read("k", load);
    await new Promise((r) => setImmediate(r));
    // Thirty joins arrive over several turns while the first read runs.
    const later: Promise<number>[] = [];
    for (let turn = 0; turn < 3; turn++) {
      for (let i = 0; i < 10; i++) later.push(reads.read("k", load));
      await new Promise((r) => setImmediate(r));
    }
    expect(loads).toBe(1);
    gates.shift()?.();
    expect(await first).toBe(1);
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    expect(loads).toBe(2);
    gates.shift()?.();
    expect(new Set(await Promise.all(later))).toEqual(new Set([2]));
    expect(most).toBe(1);
  });

  it("a read that fails does not hold up the next one", async () => {
    const reads = createCoalescer<number>();
    let fail: () => void = () => undefined;
    const first = reads.read("k", () => new Promise<number>((_, reject) => (fail = () => reject(new Error("pool closed")))));
    await new Promise((r) => setImmediate(r));
    const second = reads.read("k", () => Promise.resolve(2));
    fail();
    await expect(first).rejects.toThrow("pool closed");
    await expect(second).resolves.toBe(2);
  });

  it("a failed read fails every caller that shared it, and the next caller reads again", async () => {
    const reads = createCoalescer<number>();
    const failing = () => Promise.reject(new Error("not found"));
    const results = await Promise.allSettled([reads.read("k", failing), reads.read("k", failing)]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    await expect(reads.read("k", () => Promise.resolve(7))).resolves.toBe(7);
  });
});

describe("batched loads for a herd of handshakes", () => {
  it("keys asked in one turn are loaded with one call; each caller gets its own value, or undefined", async () => {
    const calls: string[][] = [];
    const users = createBatcher<string, string>((keys) => {
      calls.push([...keys]);
      return Promise.resolve(new Map(keys.filter((k) => k !== "gone").map((k) => [k, `user ${k}`])));
    });
    const answers = await Promise.all(["a", "b", "a", "gone", "c"].map((k) => users.load(k)));
    expect(answers).toEqual(["user a", "user b", "user a", undefined, "user c"]);
    expect(calls).toEqual([["a", "b", "gone", "c"]]);
    // The next turn is a new batch.
    await expect(users.load("d")).resolves.toBe("user d");
    expect(calls).toHaveLength(2);
  });

  it("keys asked while a load runs are loaded together once it finished", async () => {
    const calls: string[][] = [];
    let release: () => void = () => undefined;
    const users = createBatcher<string, string>(async (keys) => {
      calls.push([...keys]);
      if (calls.length === 1) await new Promise<void>((r) => (release = r));
      return new Map(keys.map((k) => [k, `user ${k}`]));
    });
    const first = users.load("a");
    await new Promise((r) => setImmediate(r));
    const later = [users.load("b")];
    await new Promise((r) => setImmediate(r));
    later.push(users.load("c"), users.load("d"));
    await new Promise((r) => setImmediate(r));
    expect(calls).toEqual([["a"]]);
    release();
    await expect(first).resolves.toBe("user a");
    await expect(Promise.all(later)).resolves.toEqual(["user b", "user c", "user d"]);
    expect(calls).toEqual([["a"], ["b", "c", "d"]]);
  });

  it("a failed load fails the callers of that batch only", async () => {
    let fail = true;
    const users = createBatcher<string, number>((keys) =>
      fail ? Promise.reject(new Error("pool closed")) : Promise.resolve(new Map(keys.map((k) => [k, 1]))),
    );
    const failed = await Promise.allSettled([users.load("a"), users.load("b")]);
    expect(failed.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    fail = false;
    await expect(users.load("a")).resolves.toBe(1);
  });
});
