import { describe, expect, it } from "vitest";
import { statusForDegradation, worstStatus } from "../../lib/stakeholder/constants.ts";
import { describeDue, dueState } from "../../lib/stakeholder/due-state.ts";
import { formatDue } from "../../lib/stakeholder/format-due.ts";

const now = new Date("2026-11-27T14:00:00Z");
const at = (seconds: number) => new Date(now.getTime() + seconds * 1000).toISOString();

describe("the next update's due state", () => {
  it("counts down in whole minutes, rounded up", () => {
    expect(dueState(at(12 * 60), now)).toEqual({ kind: "due", minutes: 12 });
    expect(dueState(at(11 * 60 + 20), now)).toEqual({ kind: "due", minutes: 12 });
    expect(dueState(at(1), now)).toEqual({ kind: "due", minutes: 1 });
    expect(describeDue(dueState(at(90 * 60), now))).toBe("Next update due in 1 h 30 min");
  });
  it("is overdue from the second it passes", () => {
    expect(dueState(at(0), now)).toEqual({ kind: "overdue", minutes: 0 });
    expect(describeDue(dueState(at(-30), now))).toBe("Update overdue");
    expect(describeDue(dueState(at(-4 * 60 - 59), now))).toBe("Update overdue by 4 min");
    expect(describeDue(dueState(at(-120 * 60), now))).toBe("Update overdue by 2 h");
  });
  it("says so when nothing was promised", () => {
    expect(describeDue(dueState(null, now))).toBe("No next update promised");
  });
});

describe("customer-facing statuses", () => {
  it("take the worst, operational when none", () => {
    expect(worstStatus([])).toBe("operational");
    expect(worstStatus(["degraded", "major_outage", "partial_outage"])).toBe("major_outage");
    expect(worstStatus(["operational", "degraded"])).toBe("degraded");
  });
  it("are pre-filled from measured degradation", () => {
    expect([0, 1, 39, 40, 89, 90, 100].map(statusForDegradation)).toEqual([
      "operational",
      "degraded",
      "degraded",
      "partial_outage",
      "partial_outage",
      "major_outage",
      "major_outage",
    ]);
  });
});

describe("due times in timeline text", () => {
  it("are written in the organisation's zone, named", () => {
    expect(formatDue(new Date("2026-11-27T14:30:00Z"), "UTC")).toBe("14:30 UTC");
    expect(formatDue(new Date("2026-11-27T14:30:00Z"), "Europe/Berlin")).toBe("15:30 CET");
  });
});
