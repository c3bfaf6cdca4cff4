// Blast radius: who else goes down, which journeys suffer and which teams to call when services fail.
// Pure and client-safe (no I/O) so the service map can recompute it in the browser on every click.

/** A catalog service; `journeys` are what customers notice when it breaks. */
export interface BlastService {
  id: string;
  name: string;
  teamId: string;
  journeys: readonly string[];
}

/** `fromId` depends on (calls) `toId`, so a failure travels against the arrow: from `toId` up to `fromId`. */
export interface BlastDependency {
  fromId: string;
  toId: string;
  isAsync: boolean;
  isCritical: boolean;
}

/** The catalog as stored; may contain cycles, dangling ids or self-loops (those are skipped here). */
export interface ServiceGraph {
  services: readonly BlastService[];
  dependencies: readonly BlastDependency[];
}

/**
 * Adjacency in both directions as flat arrays (CSR), built once per catalog version so that
 * each "what if X fails" query is a single BFS without allocation per edge.
 */
export interface GraphIndex {
  readonly services: readonly BlastService[];
  readonly positionById: ReadonlyMap<string, number>;
  /** Position of each service in name order, so results sort by plain numbers rather than strings. */
  readonly nameRank: Int32Array;
  /** Consumers of service i are `consumers[consumerStart[i] .. consumerStart[i + 1])`. */
  readonly consumerStart: Int32Array;
  readonly consumers: Int32Array;
  readonly consumerIsAsync: Uint8Array;
  /** Dependencies of service i, same layout: the suspects when i fails. */
  readonly dependencyStart: Int32Array;
  readonly dependencies: Int32Array;
  readonly dependencyIsCritical: Uint8Array;
}

/** A service hurt because it (transitively) calls a failing one. */
export interface AffectedService {
  serviceId: string;
  /** Hops to the nearest failing service: 1 means it calls it directly. */
  depth: number;
  /** One shortest chain of ids, from this service down to the failing one, so responders can see why. */
  path: readonly string[];
  /** A synchronous chain means requests fail or hang now; an async one means queues back up instead. Among equally short chains a synchronous one is reported. */
  isSyncPath: boolean;
}

/** Something a failing service calls: a likely root cause worth checking first. */
export interface SuspectService {
  serviceId: string;
  /** The failing services that call it. */
  calledBy: readonly string[];
  /** Any of those calls is marked critical, which makes it a stronger suspect. */
  isCritical: boolean;
}

/** Why a team is pulled into the incident, so the commander can tell them in one sentence. */
export interface BlastTeam {
  teamId: string;
  /** Failing services the team owns: they are the responders. */
  owns: readonly string[];
  /** Affected services the team owns, with the chain that drags them in. */
  affectedVia: readonly { serviceId: string; path: readonly string[] }[];
  /** 0 when the team owns a failing service, else the smallest hop count of its affected services. */
  depth: number;
}

export interface BlastRadius {
  /** The known failing services, deduplicated; unknown ids are dropped. */
  impacted: readonly string[];
  /** Closest first (by depth, then name). Never includes an impacted service, even inside a cycle. */
  affected: readonly AffectedService[];
  suspects: readonly SuspectService[];
  /** In order of first appearance: failing services' journeys first, then nearest affected ones. */
  journeys: readonly string[];
  /** Owners of failing services first, then closest teams first. */
  teams: readonly BlastTeam[];
}

/** Builds the reusable index; self-loops and edges to unknown services are ignored. */
export function buildGraphIndex(graph: ServiceGraph): GraphIndex {
  const positionById = new Map<string, number>();
  const services: BlastService[] = [];
  for (const service of graph.services) {
    if (positionById.has(service.id)) continue;
    positionById.set(service.id, services.length);
    services.push(service);
  }

  const edges: { from: number; to: number; isAsync: boolean; isCritical: boolean }[] = [];
  for (const dep of graph.dependencies) {
    const from = positionById.get(dep.fromId);
    const to = positionById.get(dep.toId);
    if (from === undefined || to === undefined || from === to) continue;
    edges.push({ from, to, isAsync: dep.isAsync, isCritical: dep.isCritical });
  }

  const n = services.length;
  const consumerStart = new Int32Array(n + 1);
  const dependencyStart = new Int32Array(n + 1);
  for (const e of edges) {
    consumerStart[e.to + 1] = (consumerStart[e.to + 1] ?? 0) + 1;
    dependencyStart[e.from + 1] = (dependencyStart[e.from + 1] ?? 0) + 1;
  }
  for (let i = 0; i < n; i++) {
    consumerStart[i + 1] = (consumerStart[i + 1] ?? 0) + (consumerStart[i] ?? 0);
    dependencyStart[i + 1] = (dependencyStart[i + 1] ?? 0) + (dependencyStart[i] ?? 0);
  }

  const consumers = new Int32Array(edges.length);
  const consumerIsAsync = new Uint8Array(edges.length);
  const dependencies = new Int32Array(edges.length);
  const dependencyIsCritical = new Uint8Array(edges.length);
  const consumerFill = consumerStart.slice(0, n);
  const dependencyFill = dependencyStart.slice(0, n);
  for (const e of edges) {
    const c = consumerFill[e.to] ?? 0;
    consumerFill[e.to] = c + 1;
    consumers[c] = e.from;
    consumerIsAsync[c] = e.isAsync ? 1 : 0;
    const d = dependencyFill[e.from] ?? 0;
    dependencyFill[e.from] = d + 1;
    dependencies[d] = e.to;
    dependencyIsCritical[d] = e.isCritical ? 1 : 0;
  }

  const nameRank = new Int32Array(n);
  const byName = services.map((s, i) => ({ name: s.name, i })).sort((a, b) => compareNames(a.name, b.name) || a.i - b.i);
  byName.forEach(({ i }, rank) => {
    nameRank[i] = rank;
  });

  return {
    services,
    positionById,
    nameRank,
    consumerStart,
    consumers,
    consumerIsAsync,
    dependencyStart,
    dependencies,
    dependencyIsCritical,
  };
}

/** Multi-source BFS from the failing services over the consumer edges. */
export function blastRadius(index: GraphIndex, impactedIds: readonly string[]): BlastRadius {
  const { services, consumerStart, consumers, consumerIsAsync } = index;
  const n = services.length;
  const depth = new Int32Array(n).fill(-1);
  const next = new Int32Array(n).fill(-1); // the hop towards the failing service
  const isSync = new Uint8Array(n);
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;

  for (const id of impactedIds) {
    const i = index.positionById.get(id);
    if (i === undefined || depth[i] === 0) continue;
    depth[i] = 0;
    isSync[i] = 1;
    queue[tail++] = i;
  }
  const impactedCount = tail;

  while (head < tail) {
    const u = queue[head++] ?? 0;
    const du = depth[u] ?? 0;
    const isSyncU = isSync[u] === 1;
    const end = consumerStart[u + 1] ?? 0;
    for (let k = consumerStart[u] ?? 0; k < end; k++) {
      const v = consumers[k] ?? 0;
      const isSyncV = isSyncU && consumerIsAsync[k] === 0;
      if (depth[v] === -1) {
        depth[v] = du + 1;
        next[v] = u;
        isSync[v] = isSyncV ? 1 : 0;
        queue[tail++] = v;
      } else if (isSyncV && depth[v] === du + 1 && isSync[v] === 0) {
        // Same length, but synchronous: the more alarming chain is the one worth showing.
        next[v] = u;
        isSync[v] = 1;
      }
    }
  }

  const idOf = (i: number): string => services[i]?.id ?? "";
  const pathOf = (i: number): string[] => {
    const path: string[] = [];
    for (let at = i; at !== -1; at = next[at] ?? -1) path.push(idOf(at));
    return path;
  };

  const impactedPositions = Array.from(queue.subarray(0, impactedCount));
  // Sort by (depth, name) as one integer key; BFS already grouped by depth, names break ties.
  const keys = new Float64Array(tail - impactedCount);
  for (let k = impactedCount; k < tail; k++) {
    const i = queue[k] ?? 0;
    keys[k - impactedCount] = ((depth[i] ?? 0) * n + (index.nameRank[i] ?? 0)) * n + i;
  }
  keys.sort();
  const affectedPositions = Array.from(keys, (key) => key % n);
  const affected: AffectedService[] = affectedPositions.map((i) => ({
    serviceId: idOf(i),
    depth: depth[i] ?? 0,
    path: pathOf(i),
    isSyncPath: isSync[i] === 1,
  }));

  const journeys = new Set<string>();
  for (const i of impactedPositions.concat(affectedPositions)) {
    for (const journey of services[i]?.journeys ?? []) journeys.add(journey);
  }

  return {
    impacted: impactedPositions.map(idOf),
    affected,
    suspects: findSuspects(index, impactedPositions, depth),
    journeys: [...journeys],
    teams: groupByTeam(services, impactedPositions, affectedPositions, affected),
  };
}

/** Convenience for one-off questions; reuse `buildGraphIndex` when asking several. */
export function computeBlastRadius(graph: ServiceGraph, impactedIds: readonly string[]): BlastRadius {
  return blastRadius(buildGraphIndex(graph), impactedIds);
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function findSuspects(index: GraphIndex, impacted: readonly number[], depth: Int32Array): SuspectService[] {
  const byPosition = new Map<number, { serviceId: string; calledBy: string[]; isCritical: boolean }>();
  for (const u of impacted) {
    const end = index.dependencyStart[u + 1] ?? 0;
    for (let k = index.dependencyStart[u] ?? 0; k < end; k++) {
      const v = index.dependencies[k] ?? 0;
      if (depth[v] === 0) continue;
      const caller = index.services[u]?.id ?? "";
      const suspect = byPosition.get(v) ?? { serviceId: index.services[v]?.id ?? "", calledBy: [], isCritical: false };
      if (!suspect.calledBy.includes(caller)) suspect.calledBy.push(caller);
      suspect.isCritical ||= index.dependencyIsCritical[k] === 1;
      byPosition.set(v, suspect);
    }
  }
  // Critical first, then the ones shared by most failing services: a common dependency explains more.
  return [...byPosition.values()].sort(
    (a, b) =>
      Number(b.isCritical) - Number(a.isCritical) || b.calledBy.length - a.calledBy.length || compareNames(a.serviceId, b.serviceId),
  );
}

function groupByTeam(
  services: readonly BlastService[],
  impacted: readonly number[],
  affectedPositions: readonly number[],
  affected: readonly AffectedService[],
): BlastTeam[] {
  const teams = new Map<
    string,
    { teamId: string; owns: string[]; affectedVia: { serviceId: string; path: readonly string[] }[]; depth: number }
  >();
  const teamOf = (teamId: string, depth: number) => {
    const team = teams.get(teamId) ?? { teamId, owns: [], affectedVia: [], depth };
    teams.set(teamId, team);
    return team;
  };
  for (const i of impacted) {
    const service = services[i];
    if (service) teamOf(service.teamId, 0).owns.push(service.id);
  }
  // `affected` is ordered by depth, so each team's first entry sets its depth and its list stays closest-first.
  affected.forEach((a, k) => {
    const service = services[affectedPositions[k] ?? -1];
    if (service) teamOf(service.teamId, a.depth).affectedVia.push({ serviceId: a.serviceId, path: a.path });
  });
  return [...teams.values()].sort((a, b) => a.depth - b.depth || compareNames(a.teamId, b.teamId));
}
