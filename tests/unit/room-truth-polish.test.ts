import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { GuidanceText, guidancePlain } from "../../components/postmortems/guidance-text.tsx";
import { tellingStats } from "../../lib/insights/telling.ts";
import { autoHeadline, journeysFromImpact } from "../../lib/status/auto-impact.ts";
import { toldByTeam } from "../../lib/timeline/told.ts";
import { BUILTIN_TEMPLATES } from "../../lib/postmortems/templates.ts";

const at = (min: number) => new Date(Date.UTC(2026, 11, 3, 10, min));

describe("template guidance shows emphasis, never asterisks", () => {
  const guidance = BUILTIN_TEMPLATES[0]!.sections.find((s) => s.key === "contributing_factors")!.guidance;
  it("renders *how* as emphasis and escapes everything else", () => {
    expect(guidance).toContain("*how*");
    const html = renderToStaticMarkup(createElement(GuidanceText, { text: guidance }));
    expect(html).toContain("Ask <em>how</em> and <em>what</em>, never <em>who</em>.");
    expect(html).not.toContain("*");
    expect(renderToStaticMarkup(createElement(GuidanceText, { text: "<b>not bold</b> *x*" }))).toBe(
      "&lt;b&gt;not bold&lt;/b&gt; <em>x</em>",
    );
    expect(guidancePlain(guidance)).toContain("Ask how and what, never who.");
  });
});

describe("one notion of told", () => {
  it("keeps the first and the latest entry per team; entries naming no team do not count", () => {
    const rows = [
      { seq: 5, occurredAt: at(9), data: { teamId: "t1", channel: "chat", acknowledgedAt: "x" } },
      { seq: 2, occurredAt: at(3), data: { teamId: "t1", channel: "phone" } },
      { seq: 3, occurredAt: at(4), data: { target: "Someone" } },
      { seq: 4, occurredAt: at(6), data: null },
    ];
    const told = toldByTeam(rows);
    expect([...told.keys()]).toEqual(["t1"]);
    expect(told.get("t1")?.first.seq).toBe(2);
    expect(told.get("t1")?.latest.seq).toBe(5);
    expect(told.get("t1")?.data).toMatchObject({ acknowledgedAt: "x" });
  });

  it("insights: told within 15 min of detection, later, or never; a team named twice counts once per incident", () => {
    const stats = tellingStats([
      {
        startedAt: at(0),
        detectedAt: at(10),
        teamIds: ["a", "b", "c", "a"],
        firstToldAt: new Map([
          ["a", at(25)],
          ["b", at(26)],
        ]),
      },
      { startedAt: at(0), detectedAt: null, teamIds: ["a"], firstToldAt: new Map() },
    ]);
    expect(stats).toEqual({ withinMinutes: 15, teamsToTell: 4, toldInTime: 1, toldLater: 1, neverTold: 2 });
  });
});

describe("status page: journeys from impact", () => {
  it("takes the latest change per journey, worst first, and words it for customers", () => {
    const journeys = journeysFromImpact([
      { journey: "checkout", degradation: 95, effectiveAt: at(1) },
      { journey: "checkout", degradation: 30, effectiveAt: at(5) },
      { journey: "payment", degradation: 100, effectiveAt: at(2) },
      { journey: "search", degradation: 40, effectiveAt: at(1) },
      { journey: "search", degradation: 0, effectiveAt: at(4) },
    ]);
    expect(journeys).toEqual([
      { journey: "payment", status: "major_outage" },
      { journey: "checkout", status: "degraded" },
    ]);
    expect(autoHeadline(journeys.map((j) => j.journey))).toBe("We are investigating problems with Payment and Checkout.");
    expect(autoHeadline(["cart", "checkout", "payment"])).toBe("We are investigating problems with Cart, Checkout and Payment.");
  });
});

describe("datetime-local values in a named zone", () => {
  it("round-trips an instant to the second in New York, Berlin and UTC, across a DST change", async () => {
    const { fromZonedInput, toZonedInput } = await import("../../lib/time/format.ts");
    const instant = new Date("2026-12-03T12:09:09.000Z");
    expect(toZonedInput(instant, "America/New_York")).toBe("2026-12-03T07:09:09");
    expect(toZonedInput(instant, "Europe/Berlin")).toBe("2026-12-03T13:09:09");
    for (const zone of ["America/New_York", "Europe/Berlin", "UTC"]) {
      expect(fromZonedInput(toZonedInput(instant, zone), zone)?.toISOString()).toBe(instant.toISOString());
    }
    // The morning after the US clocks went back: the offset at the instant, not at "now".
    expect(fromZonedInput("2026-11-01T09:30:00", "America/New_York")?.toISOString()).toBe("2026-11-01T14:30:00.000Z");
    expect(fromZonedInput("2026-07-01T09:30", "America/New_York")?.toISOString()).toBe("2026-07-01T13:30:00.000Z");
    expect(fromZonedInput("not a time", "UTC")).toBeNull();
  });
});

describe("the composer's 'happened at' in the room's zone", () => {
  it("is today's wall-clock time in that zone, whatever the day is in UTC", async () => {
    const { todayAt } = await import("../../lib/time/format.ts");
    // 01:30 UTC on 4 Dec is still 3 Dec, 20:30 in New York.
    const now = new Date("2026-12-04T01:30:00.000Z");
    expect(todayAt("14:02", now, "America/New_York")?.toISOString()).toBe("2026-12-03T19:02:00.000Z");
    expect(todayAt("14:02", now, "Europe/Berlin")?.toISOString()).toBe("2026-12-04T13:02:00.000Z");
    expect(todayAt("2pm", now, "UTC")).toBeNull();
  });
});
