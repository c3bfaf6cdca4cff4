import type { PostgresAdapter } from "@socket.io/postgres-adapter";
import { MessageType, type BroadcastOptions } from "socket.io-adapter";

// The Postgres adapter (a ClusterAdapter) awaits its NOTIFY round trip before it writes to this
// instance's own sockets, and it NOTIFYs even when no other instance exists. On the post path that
// is a database round trip (through a 4-connection pool) in front of every delivery. This wrapper
// writes to local sockets first, then tells the other instances — only when heartbeats show there
// are any. A node that starts announces itself before it accepts sockets, and clients fetch any
// gap in sequence numbers, so a broadcast skipped in that instant cannot lose a timeline entry.

interface ClusterInternals {
  /** Other instances seen through heartbeats, uid → last seen (private in the adapter's types). */
  nodesMap: Map<string, number>;
  publish(message: { type: MessageType.BROADCAST; data: { packet: unknown; opts: unknown } }): void;
}

type Broadcast = (packet: unknown, opts: BroadcastOptions) => Promise<void> | void;

export function localFirst(adapter: PostgresAdapter): PostgresAdapter {
  const internals = adapter as unknown as ClusterInternals;
  const clusterBroadcast = (adapter.broadcast as Broadcast).bind(adapter);
  const broadcast: Broadcast = (packet, opts) => {
    if (opts.flags?.local) return clusterBroadcast(packet, opts);
    const delivered = clusterBroadcast(packet, { ...opts, flags: { ...opts.flags, local: true } });
    if (internals.nodesMap.size > 0) {
      // The same message the adapter would have sent (its encodeOptions: Sets become arrays).
      internals.publish({
        type: MessageType.BROADCAST,
        data: { packet, opts: { rooms: [...opts.rooms], except: [...(opts.except ?? [])], flags: opts.flags } },
      });
    }
    return delivered;
  };
  adapter.broadcast = broadcast as PostgresAdapter["broadcast"];
  return adapter;
}
