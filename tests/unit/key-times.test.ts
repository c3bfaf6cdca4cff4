import { describe, expect, it } from "vitest";
import { assertKeyTimesInOrder, durations, toWholeSecond, type KeyTimes } from "../../lib/incident-record/key-times.ts";
import type { AppError } from "../../lib/errors/app-error.ts";

const at = (hhmm: string) => new Date(`2026-11-27T${hhmm}:00.000Z`);
const times = (overrides: Partial<KeyTimes> = {}): KeyTimes => ({
  startedAt: at("14:00"),
  detectedAt: null,
  acknowledgedAt: null,
  mitigatedAt: null,
  resolvedAt: null,
  ...overrides,
});

function fieldOf(fn: () => void): string | undefined {
  try {
    fn();
  } catch (error) {
    return ((error as AppError).details as { fields: { field: string }[] }).fields[0]?.field;
  }
  return undefined;
}

describe("key time order", () => {
  it("accepts times in order and unset times", () => {
    expect(() =>
      assertKeyTimesInOrder(
        times({ detectedAt: at("14:05"), acknowledgedAt: at("14:07"), mitigatedAt: at("14:40"), resolvedAt: at("15:00") }),
        ["resolvedAt"],
      ),
    ).not.toThrow();
  });

  it("names the later field when it comes before the earlier one", () => {
    expect(fieldOf(() => assertKeyTimesInOrder(times({ resolvedAt: at("13:59") }), ["resolvedAt"]))).toBe("resolvedAt");
    // The error belongs to the time that was moved: that is the field the person is looking at.
    expect(fieldOf(() => assertKeyTimesInOrder(times({ mitigatedAt: at("14:30"), resolvedAt: at("14:20") }), ["mitigatedAt"]))).toBe(
      "mitigatedAt",
    );
    expect(fieldOf(() => assertKeyTimesInOrder(times({ detectedAt: at("14:10"), acknowledgedAt: at("14:05") }), ["acknowledgedAt"]))).toBe(
      "acknowledgedAt",
    );
  });

  it("moving the start later than a recorded time is refused too", () => {
    expect(fieldOf(() => assertKeyTimesInOrder(times({ startedAt: at("15:00"), mitigatedAt: at("14:30") }), ["startedAt"]))).toBe(
      "startedAt",
    );
  });

  it("says it in words, with the other time to the second", () => {
    const mitigated = new Date("2026-11-27T07:09:09.532Z");
    expect(() =>
      assertKeyTimesInOrder(times({ startedAt: at("07:00"), mitigatedAt: mitigated, resolvedAt: at("07:09") }), ["resolvedAt"]),
    ).toThrow("Resolved can't be before Mitigated (07:09:09 UTC, 27 Nov)");
  });

  it("compares to the second, so a time put back from a form equals the stamped one", () => {
    const mitigated = new Date("2026-11-27T07:09:09.532Z");
    expect(() =>
      assertKeyTimesInOrder(times({ startedAt: at("07:00"), mitigatedAt: mitigated, resolvedAt: toWholeSecond(mitigated) }), [
        "resolvedAt",
      ]),
    ).not.toThrow();
    expect(toWholeSecond(mitigated).toISOString()).toBe("2026-11-27T07:09:09.000Z");
  });

  it("ignores an old inconsistency when the change does not touch it", () => {
    expect(() => assertKeyTimesInOrder(times({ acknowledgedAt: at("13:00"), resolvedAt: at("16:00") }), ["resolvedAt"])).not.toThrow();
  });
});

describe("durations", () => {
  it("measures acknowledge from detection (or start), mitigate and resolve from start", () => {
    const iso = (d: Date) => d.toISOString();
    expect(
      durations({
        startedAt: iso(at("14:00")),
        detectedAt: iso(at("14:05")),
        acknowledgedAt: iso(at("14:08")),
        mitigatedAt: iso(at("14:40")),
        resolvedAt: iso(at("15:30")),
      }),
    ).toEqual({ mttaMs: 3 * 60_000, ttmMs: 40 * 60_000, mttrMs: 90 * 60_000 });
    expect(
      durations({ startedAt: iso(at("14:00")), detectedAt: null, acknowledgedAt: iso(at("14:02")), mitigatedAt: null, resolvedAt: null }),
    ).toEqual({
      mttaMs: 2 * 60_000,
      ttmMs: null,
      mttrMs: null,
    });
  });
});
