import dagre from "@dagrejs/dagre";

export interface LayoutEdge {
  from: string;
  to: string;
}

export interface LayoutOptions {
  nodeWidth: number;
  nodeHeight: number;
}

export type Positions = Map<string, { x: number; y: number }>;

const NODE_GAP = 18;
const RANK_GAP = 64;
/** Roughly a laptop canvas: isolated services are packed into a block about this wide per tall. */
const GRID_ASPECT = 2;

/**
 * Left-to-right layered layout: consumers (storefront) on the left, what they call (payment,
 * ERP) to the right, so a failure's blast radius spreads leftwards. Dagre breaks cycles itself;
 * self-loops and edges to unknown nodes are skipped. Services with no visible dependency would
 * all land in one tall first column, so they are packed into a grid below instead.
 * Returns top-left corners, as React Flow wants.
 */
export function layoutGraph(ids: readonly string[], edges: readonly LayoutEdge[], options: LayoutOptions): Positions {
  const { nodeWidth, nodeHeight } = options;
  // Sorted so the same catalog always lays out the same way, whatever order the server sent.
  const known = [...new Set(ids)].sort();
  const knownSet = new Set(known);
  const usable = edges.filter((e) => e.from !== e.to && knownSet.has(e.from) && knownSet.has(e.to));
  const linked = new Set(usable.flatMap((e) => [e.from, e.to]));

  const positions: Positions = new Map();
  let bottom = 0;
  let left = 0;
  if (linked.size) {
    const graph = new dagre.graphlib.Graph({ multigraph: false });
    graph.setGraph({ rankdir: "LR", nodesep: NODE_GAP, ranksep: RANK_GAP, marginx: 24, marginy: 24 });
    graph.setDefaultEdgeLabel(() => ({}));
    for (const id of known) if (linked.has(id)) graph.setNode(id, { width: nodeWidth, height: nodeHeight });
    for (const e of usable) graph.setEdge(e.from, e.to);
    dagre.layout(graph);
    left = Infinity;
    for (const id of known) {
      if (!linked.has(id)) continue;
      const node = graph.node(id) as { x: number; y: number } | undefined;
      const p = { x: (node?.x ?? 0) - nodeWidth / 2, y: (node?.y ?? 0) - nodeHeight / 2 };
      positions.set(id, p);
      bottom = Math.max(bottom, p.y + nodeHeight + RANK_GAP / 2);
      left = Math.min(left, p.x);
    }
  }

  const isolated = known.filter((id) => !linked.has(id));
  const columns = Math.max(1, Math.round(Math.sqrt((isolated.length * GRID_ASPECT * (nodeHeight + NODE_GAP)) / (nodeWidth + NODE_GAP))));
  isolated.forEach((id, i) => {
    positions.set(id, {
      x: left + (i % columns) * (nodeWidth + NODE_GAP),
      y: bottom + Math.floor(i / columns) * (nodeHeight + NODE_GAP),
    });
  });
  return positions;
}
