"use client";
import { useReactFlow } from "@xyflow/react";
import { useCallback, useEffect, useRef, type Dispatch, type SetStateAction } from "react";
import type { CatalogGraphDto } from "@/lib/catalog/get-catalog-graph.ts";
import type { Positions } from "./map-layout.ts";
import { NODE_HEIGHT, NODE_WIDTH } from "./map-style.ts";

/** Past this many cards, fitting everything makes names unreadable: frame a readable part. */
const LARGE_MAP = 60;
const READABLE_ZOOM = 0.45;
/** Room on the right for the legend. */
const LEGEND_ROOM = 256;
export const FIT_PADDING = { top: "32px", bottom: "32px", left: "32px", right: `${LEGEND_ROOM}px` } as const;

interface Input {
  graph: CatalogGraphDto;
  visibleIds: Set<string>;
  /** Changes exactly when the set of cards on the map changes. */
  visibleKey: string;
  /** The incident's blast radius on the map ("|"-joined ids), "" without one. */
  focusKey: string;
  positions: Positions;
  selectedId: string | null;
  setSelectedId: Dispatch<SetStateAction<string | null>>;
}

/** Where the camera goes: fitting the map, and bringing a chosen service into view. */
export function useMapViewport({ graph, visibleIds, visibleKey, focusKey, positions, selectedId, setSelectedId }: Input) {
  const flow = useReactFlow();

  // Re-fit when the set of cards changes (filters, catalog edits), never on a health push: the
  // view must not jump while someone reads it. On an incident, frame its blast radius; on a big
  // map, frame what needs attention (unhealthy, else tier 1) at a zoom where names are legible.
  const latest = useRef({ graph, visibleIds });
  useEffect(() => {
    latest.current = { graph, visibleIds };
  });
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      const { graph: current, visibleIds: shown } = latest.current;
      let ids = focusKey ? focusKey.split("|") : [];
      let minZoom: number | undefined;
      if (!ids.length && shown.size > LARGE_MAP) {
        const cards = current.services.filter((s) => shown.has(s.id));
        const unhealthy = cards.filter((s) => s.health === "down" || s.health === "degraded");
        ids = (unhealthy.length ? unhealthy : cards.filter((s) => s.tier === 1)).map((s) => s.id);
        minZoom = READABLE_ZOOM;
      }
      void flow.fitView({ padding: FIT_PADDING, maxZoom: 1.1, minZoom, nodes: ids.length ? ids.map((id) => ({ id })) : undefined });
    });
    return () => cancelAnimationFrame(frame);
  }, [flow, visibleKey, focusKey]);

  // Centring uses our own measure of the canvas: React Flow learns about the narrower canvas
  // (drawer just opened) a moment later, and its setCenter would centre on the old width.
  const canvasRef = useRef<HTMLDivElement>(null);
  const centre = useCallback(
    (id: string, zoom: number) => {
      const p = positions.get(id);
      const box = canvasRef.current?.getBoundingClientRect();
      if (!p || !box) return;
      const visibleWidth = Math.max(box.width - LEGEND_ROOM, box.width / 2);
      const x = visibleWidth / 2 - (p.x + NODE_WIDTH / 2) * zoom;
      const y = box.height / 2 - (p.y + NODE_HEIGHT / 2) * zoom;
      void flow.setViewport({ x, y, zoom }, { duration: 200 });
    },
    [flow, positions],
  );

  // A search jump always centres its match; a click only when the drawer or the legend now hides
  // the card, so the map does not move under the pointer.
  const centreNext = useRef<string | null>(null);
  useEffect(() => {
    if (!selectedId) return;
    const frame = requestAnimationFrame(() => {
      const { x, y, zoom } = flow.getViewport();
      if (centreNext.current === selectedId) {
        centreNext.current = null;
        centre(selectedId, Math.max(zoom, 0.9));
        return;
      }
      const p = positions.get(selectedId);
      const box = canvasRef.current?.getBoundingClientRect();
      if (!p || !box) return;
      const left = p.x * zoom + x;
      const top = p.y * zoom + y;
      const isHidden = left < 0 || top < 0 || left + NODE_WIDTH * zoom > box.width - LEGEND_ROOM || top + NODE_HEIGHT * zoom > box.height;
      if (isHidden) centre(selectedId, zoom);
    });
    return () => cancelAnimationFrame(frame);
  }, [selectedId, positions, flow, centre]);

  const focusService = useCallback(
    (id: string) => {
      if (id === selectedId) {
        centre(id, Math.max(flow.getViewport().zoom, 0.9));
        return;
      }
      centreNext.current = id;
      setSelectedId(id);
    },
    [selectedId, setSelectedId, centre, flow],
  );

  return { canvasRef, focusService };
}
