import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { startBackgroundWorker, type BackgroundWorker } from "../../lib/background/start-background-worker.ts";
import { log } from "../../lib/log.ts";

const TICK_MS = 1_000;

interface PendingPass {
  finish: (value: number) => void;
  signal: AbortSignal;
}
/** Every hand-finished pass, so a test that leaves one hanging cannot block stop() in afterEach. */
const unfinished: PendingPass[] = [];

/** Passes the test finishes by hand, recording how many run at once. */
function controlledPasses() {
  const pending: PendingPass[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const pass = (signal: AbortSignal) =>
    new Promise<number>((resolve) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      const entry = {
        finish: (value: number) => {
          inFlight--;
          resolve(value);
        },
        signal,
      };
      pending.push(entry);
      unfinished.push(entry);
    });
  return { pass, pending, maxInFlight: () => maxInFlight };
}

const workers: BackgroundWorker<number>[] = [];
function start(pass: (signal: AbortSignal) => Promise<number>, isTicking = true): BackgroundWorker<number> {
  const worker = startBackgroundWorker({ name: "test job", tickMs: TICK_MS, isTicking, pass, failedResult: -1 });
  workers.push(worker);
  return worker;
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(async () => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  for (const p of unfinished.splice(0)) p.finish(0);
  await Promise.all(workers.splice(0).map((w) => w.stop()));
});

describe("startBackgroundWorker", () => {
  it("runs a pass every tick, counted from the end of the previous pass", async () => {
    const pass = vi.fn(async () => 1);
    start(pass);
    await vi.advanceTimersByTimeAsync(TICK_MS - 1);
    expect(pass).toHaveBeenCalledTimes(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(pass).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(2 * TICK_MS);
    expect(pass).toHaveBeenCalledTimes(3);
  });

  it("never overlaps passes: a slow pass delays the next tick, and runOnce() joins the pass in flight", async () => {
    const { pass, pending, maxInFlight } = controlledPasses();
    const worker = start(pass);
    await vi.advanceTimersByTimeAsync(TICK_MS);
    expect(pending).toHaveLength(1);

    // Many ticks' worth of time while the first pass hangs: nothing new starts.
    await vi.advanceTimersByTimeAsync(10 * TICK_MS);
    const joined = worker.runOnce();
    expect(pending).toHaveLength(1);

    pending[0]!.finish(7);
    expect(await joined).toBe(7);
    // The next pass waits a full tick after the slow one ended.
    await vi.advanceTimersByTimeAsync(TICK_MS - 1);
    expect(pending).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(pending).toHaveLength(2);
    expect(maxInFlight()).toBe(1);
  });

  it("stop() aborts the pass's signal, waits for the pass in flight, and no pass follows", async () => {
    const { pass, pending } = controlledPasses();
    const worker = start(pass);
    await vi.advanceTimersByTimeAsync(TICK_MS);
    expect(pending).toHaveLength(1);

    let isStopped = false;
    const stopped = worker.stop().then(() => (isStopped = true));
    expect(pending[0]!.signal.aborted).toBe(true);
    await vi.advanceTimersByTimeAsync(5 * TICK_MS);
    expect(isStopped).toBe(false);

    pending[0]!.finish(0);
    await stopped;
    expect(isStopped).toBe(true);
    await vi.advanceTimersByTimeAsync(5 * TICK_MS);
    worker.wake();
    await vi.advanceTimersByTimeAsync(5 * TICK_MS);
    expect(pending).toHaveLength(1);
  });

  it("logs a failed pass with the job's name and keeps ticking", async () => {
    const warn = vi.spyOn(log, "warn").mockImplementation(() => undefined);
    const pass = vi
      .fn<(signal: AbortSignal) => Promise<number>>()
      .mockRejectedValueOnce(new Error("database went away"))
      .mockResolvedValue(3);
    const worker = start(pass);
    await vi.advanceTimersByTimeAsync(TICK_MS);
    expect(pass).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith("test job pass failed", expect.objectContaining({ error: "database went away" }));

    await vi.advanceTimersByTimeAsync(TICK_MS);
    expect(pass).toHaveBeenCalledTimes(2);
    expect(await worker.runOnce()).toBe(3);
  });

  it("resolves runOnce() to the failed result when the pass throws, even synchronously", async () => {
    const warn = vi.spyOn(log, "warn").mockImplementation(() => undefined);
    const worker = start(() => {
      throw new Error("bad config");
    }, false);
    expect(await worker.runOnce()).toBe(-1);
    expect(warn).toHaveBeenCalledWith("test job pass failed", expect.objectContaining({ error: "bad config" }));
  });

  it("wake() runs a pass at once instead of at the next tick, then ticks as usual", async () => {
    const pass = vi.fn(async () => 1);
    const worker = start(pass);
    await vi.advanceTimersByTimeAsync(TICK_MS / 10);
    worker.wake();
    await vi.advanceTimersByTimeAsync(0);
    expect(pass).toHaveBeenCalledTimes(1);
    // The tick it replaced does not also run: the next pass is a full tick after the woken one.
    await vi.advanceTimersByTimeAsync(TICK_MS - 1);
    expect(pass).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(pass).toHaveBeenCalledTimes(2);
  });

  it("without ticking, runs only when asked: wake() starts the ticking", async () => {
    const pass = vi.fn(async () => 1);
    const worker = start(pass, false);
    await vi.advanceTimersByTimeAsync(10 * TICK_MS);
    expect(pass).toHaveBeenCalledTimes(0);
    expect(await worker.runOnce()).toBe(1);
    await vi.advanceTimersByTimeAsync(10 * TICK_MS);
    expect(pass).toHaveBeenCalledTimes(1);

    worker.wake();
    await vi.advanceTimersByTimeAsync(0);
    expect(pass).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(TICK_MS);
    expect(pass).toHaveBeenCalledTimes(3);
  });

  it("wake() leaves a pass in flight alone rather than starting a second one", async () => {
    const { pass, pending, maxInFlight } = controlledPasses();
    const worker = start(pass, false);
    const first = worker.runOnce();
    worker.wake();
    await vi.advanceTimersByTimeAsync(0);
    expect(pending).toHaveLength(1);
    pending[0]!.finish(1);
    await first;
    // Nor does it leave a pass (or ticking) queued behind the one it met.
    await vi.advanceTimersByTimeAsync(5 * TICK_MS);
    expect(pending).toHaveLength(1);
    expect(maxInFlight()).toBe(1);
  });
});
