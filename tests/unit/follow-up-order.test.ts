import { describe, expect, it } from "vitest";
import { calendarDay, compareFollowUps, isOverdue, type OrderableItem } from "../../lib/action-items/follow-up-order.ts";
import { renderPostmortemMarkdown } from "../../lib/postmortems/markdown-export-file.ts";
import { likePattern } from "../../lib/postmortems/search-postmortems.ts";

describe("overdue", () => {
  it("is a due day before today for something still to do; due today is not late yet", () => {
    expect(isOverdue({ dueDate: "2026-12-01", status: "open" }, "2026-12-02")).toBe(true);
    expect(isOverdue({ dueDate: "2026-12-01", status: "in_progress" }, "2026-12-02")).toBe(true);
    expect(isOverdue({ dueDate: "2026-12-02", status: "open" }, "2026-12-02")).toBe(false);
    expect(isOverdue({ dueDate: "2026-12-01", status: "done" }, "2026-12-02")).toBe(false);
    expect(isOverdue({ dueDate: "2026-12-01", status: "wont_do" }, "2026-12-02")).toBe(false);
    expect(isOverdue({ dueDate: null, status: "open" }, "2026-12-02")).toBe(false);
  });

  it("reads today in the organisation's zone", () => {
    // 03:00 UTC on 2 December is still 1 December in New York.
    expect(calendarDay(new Date("2026-12-02T03:00:00Z"), "America/New_York")).toBe("2026-12-01");
    expect(calendarDay(new Date("2026-12-02T03:00:00Z"), "Europe/Berlin")).toBe("2026-12-02");
  });
});

describe("follow-up order", () => {
  const item = (
    title: string,
    dueDate: string | null,
    priority: OrderableItem["priority"] = "medium",
    createdAt = "2026-11-01T00:00:00Z",
  ) => ({ title, dueDate, priority, createdAt });

  it("puts the longest overdue first, then due soonest, then undated; a day's ties go to priority, then age", () => {
    const sorted = [
      item("undated high", null, "high"),
      item("due next week", "2026-12-09"),
      item("overdue 2 days", "2026-11-30"),
      item("due Friday, low", "2026-12-04", "low"),
      item("overdue 12 days", "2026-11-20"),
      item("due Friday, high", "2026-12-04", "high"),
      item("due Friday, low, older", "2026-12-04", "low", "2026-10-01T00:00:00Z"),
      item("undated low", null, "low"),
    ].sort(compareFollowUps);
    expect(sorted.map((i) => i.title)).toEqual([
      "overdue 12 days",
      "overdue 2 days",
      "due Friday, high",
      "due Friday, low, older",
      "due Friday, low",
      "due next week",
      "undated high",
      "undated low",
    ]);
  });
});

describe("Markdown export", () => {
  const base = {
    title: "Payment gateway timeouts",
    revision: 2,
    publishedAt: new Date("2026-11-20T09:30:00Z"),
    publishedBy: "Casey Commander",
    incident: {
      ref: "INC-4",
      title: "PSP timeouts",
      severity: "SEV1",
      startedAt: new Date("2026-11-17T12:00:00Z"),
      resolvedAt: new Date("2026-11-17T12:52:00Z"),
    },
    sections: [
      { key: "summary", title: "Summary", body: "Retries **multiplied** the load.\n" },
      { key: "lucky", title: "Where we got lucky", body: "" },
    ],
  };

  it("writes the frozen title, facts and sections in order, then the action items as a table", () => {
    const md = renderPostmortemMarkdown({
      ...base,
      actionItems: [
        {
          title: "Back-off | jitter\nfor retries",
          owner: { kind: "team", id: "t", name: "Checkout" },
          dueDate: "2026-12-01",
          priority: "high",
          status: "in_progress",
          ticketUrl: "https://tickets.example.com/CHK-1",
        },
        { title: "Status page in 10 min", owner: null, dueDate: null, priority: "low", status: "wont_do", ticketUrl: null },
      ],
    });
    expect(md).toBe(
      [
        "# Payment gateway timeouts",
        "",
        "- **Incident:** INC-4 — PSP timeouts",
        "- **Severity:** SEV1",
        "- **Started:** 2026-11-17 12:00 UTC",
        "- **Resolved:** 2026-11-17 12:52 UTC",
        "- **Published:** 2026-11-20 09:30 UTC by Casey Commander (revision 2)",
        "",
        "## Summary",
        "",
        "Retries **multiplied** the load.",
        "",
        "## Where we got lucky",
        "",
        "_Nothing written._",
        "",
        "## Action items",
        "",
        "| Action | Owner | Due | Priority | Status | Ticket |",
        "|---|---|---|---|---|---|",
        "| Back-off \\| jitter for retries | Checkout (team) | 2026-12-01 | High | In progress | <https://tickets.example.com/CHK-1> |",
        "| Status page in 10 min | — | — | Low | Won't do | — |",
        "",
      ].join("\n"),
    );
  });

  it("says when there are no action items", () => {
    expect(renderPostmortemMarkdown({ ...base, actionItems: [] })).toContain("## Action items\n\n_No action items._\n");
  });
});

describe("search pattern", () => {
  it("treats % and _ typed by a person as literal characters", () => {
    expect(likePattern("50% off_now")).toBe("%50\\% off\\_now%");
  });
});
