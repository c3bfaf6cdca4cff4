import { describe, expect, it } from "vitest";
import type { TimelineEventDto } from "../../lib/timeline/event-dto.ts";
import {
  authorsOf,
  historyQuery,
  NO_FILTERS,
  pinnedByOf,
  pinnedEntries,
  struckCount,
  visibleEntries,
  type TimelineFilters,
} from "../../lib/timeline/timeline-view.ts";

const riley = { id: "u-riley", name: "Riley Responder" };
const casey = { id: "u-casey", name: "Casey Commander" };

function ev(seq: number, overrides: Partial<TimelineEventDto> = {}): TimelineEventDto {
  const at = new Date(Date.UTC(2026, 10, 27, 9, 0, seq)).toISOString();
  return {
    id: `e-${seq}`,
    incidentId: "i-1",
    seq,
    kind: "note",
    body: `entry ${seq}`,
    data: null,
    clientId: null,
    occurredAt: at,
    recordedAt: at,
    author: riley,
    pinned: false,
    struck: null,
    editedAt: null,
    revisionCount: 0,
    targetSeq: null,
    ...overrides,
  };
}
const struck = { at: "2026-11-27T09:30:00.000Z", reason: "duplicate", by: casey };
const change = (seq: number, kind: string, entry: TimelineEventDto) =>
  ev(seq, { kind: "amendment", author: casey, targetSeq: entry.seq, body: `Casey ${kind} #${entry.seq}`, data: { change: kind, entry } });

const events = [
  ev(1, { kind: "status_change", author: casey, body: "Declared SEV2" }),
  ev(2, { body: "Inventory sync lagging" }),
  ev(3, { kind: "action", body: "Restarted the SYNC worker", data: { outcome: "worked" } }),
  ev(4, { kind: "decision", author: casey, body: "Show limited-stock banners", pinned: true }),
  ev(5, { body: "sync duplicate", struck }),
  change(6, "pin", ev(4, { kind: "decision", author: casey, body: "Show limited-stock banners", pinned: true })),
  change(7, "strike", ev(5, { body: "sync duplicate", struck })),
];
const seqs = (list: TimelineEventDto[]) => list.map((e) => e.seq);
const view = (f: Partial<TimelineFilters>) => seqs(visibleEntries(events, { ...NO_FILTERS, ...f }));

describe("what the timeline shows", () => {
  it("hides change records and struck-through entries by default", () => {
    expect(view({})).toEqual([1, 2, 3, 4]);
    expect(view({ showStruck: true })).toEqual([1, 2, 3, 4, 5]);
    expect(view({ showChanges: true })).toEqual([1, 2, 3, 4, 6, 7]);
  });

  it("narrows by kind chips, author, pinned and text (any case)", () => {
    expect(view({ kinds: ["action", "decision"] })).toEqual([3, 4]);
    expect(view({ kinds: ["updates"] })).toEqual([1]);
    expect(view({ authorId: casey.id })).toEqual([1, 4]);
    expect(view({ pinnedOnly: true })).toEqual([4]);
    expect(view({ text: "  SYNC " })).toEqual([2, 3]);
    expect(view({ text: "sync", showStruck: true })).toEqual([2, 3, 5]);
    // Change records are not search results.
    expect(view({ text: "casey", showChanges: true })).toEqual([]);
  });

  it("counts struck-through entries and lists authors for the filters", () => {
    expect(struckCount(events)).toBe(1);
    expect(authorsOf(events)).toEqual([casey, riley]);
  });

  it("asks the server for the same filters, older than the loaded entries", () => {
    const q = historyQuery({ ...NO_FILTERS, kinds: ["action", "updates"], authorId: riley.id, pinnedOnly: true, text: " sync " }, 40, 50);
    expect(Object.fromEntries(q)).toEqual({
      limit: "50",
      before: "40",
      includeStruck: "false",
      kind: "action,status_change,severity_change,role_change,impact_change,alert",
      author: riley.id,
      pinned: "true",
      q: "sync",
    });
  });
});

describe("pinned key moments", () => {
  it("knows who pinned what from the loaded change records", () => {
    expect([...pinnedByOf(events)]).toEqual([[4, casey.name]]);
    const unpinned = [...events, change(8, "unpin", ev(4, { kind: "decision", author: casey, body: "Show limited-stock banners" }))];
    expect([...pinnedByOf(unpinned)]).toEqual([]);
  });

  it("merges the server's list with what changed since, oldest first, never struck", () => {
    const old = ev(1, { body: "old key moment", pinned: true });
    const unpinnedSince = ev(2, { body: "was pinned", pinned: true });
    const fromServer = [old, unpinnedSince];
    const loaded = [ev(10, { pinned: true }), ev(11)];
    const amended = { 2: ev(2, { body: "was pinned" }), 11: ev(11, { pinned: true }), 12: ev(12, { pinned: true, struck }) };
    expect(seqs(pinnedEntries(fromServer, loaded, amended))).toEqual([1, 10, 11]);
  });
});
