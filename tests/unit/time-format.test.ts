import { describe, expect, it } from "vitest";
import { formatDateTime, formatDuration, formatRelative, formatTime, zoneName } from "../../lib/time/format.ts";

const SEC = 1000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;

describe("formatDuration (the incident clock)", () => {
  it("shows hours, minutes and seconds with padding", () => {
    expect(formatDuration(2 * HOUR + 5 * MIN + 9 * SEC)).toBe("2h 05m 09s");
    expect(formatDuration(12 * MIN + 3 * SEC)).toBe("12m 03s");
    expect(formatDuration(41 * SEC + 999)).toBe("41s");
  });

  it("never shows a negative clock", () => {
    expect(formatDuration(-5 * SEC)).toBe("0s");
  });
});

describe("formatRelative", () => {
  const now = new Date("2026-11-27T12:00:00Z");
  const ago = (ms: number) => new Date(now.getTime() - ms);

  it("says just now within 45 seconds either way", () => {
    expect(formatRelative(ago(30 * SEC), now)).toBe("just now");
    expect(formatRelative(ago(-30 * SEC), now)).toBe("just now");
  });

  it("uses minutes, hours and days in the past and the future", () => {
    expect(formatRelative(ago(4 * MIN), now)).toBe("4 min ago");
    expect(formatRelative(ago(3 * HOUR), now)).toBe("3 h ago");
    expect(formatRelative(ago(50 * HOUR), now)).toBe("2 d ago");
    expect(formatRelative(ago(-5 * MIN), now)).toBe("in 5 min");
  });
});

describe("absolute times name their zone", () => {
  const at = new Date("2026-11-22T13:02:11Z");

  it("formats a 24-hour clock time in the given zone", () => {
    expect(formatTime(at, "UTC")).toBe("13:02:11");
    expect(formatTime(at, "Europe/Berlin")).toBe("14:02:11");
  });

  it("formats date, time and zone name together", () => {
    expect(formatDateTime(at, "Europe/Berlin")).toBe("22 Nov, 14:02 CET");
    expect(zoneName(at, "Europe/Berlin")).toBe("CET");
    expect(zoneName(at, "UTC")).toBe("UTC");
  });
});
