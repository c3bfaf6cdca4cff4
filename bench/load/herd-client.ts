// One person of the herd, as a browser tab behaves: joins the room (from the last entry it saw
// after a reconnect), keeps the presence list from the ack and the deltas, reconnects with the
// browsers' backoff and jitter, and records when each benchmark entry arrived and how often.
import { performance } from "node:perf_hooks";
import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, JoinAck, PresenceDelta, PresenceUser, ServerToClientEvents } from "../../lib/realtime/protocol.ts";
import { RECONNECT_OPTIONS } from "../../lib/realtime/protocol.ts";
import type { TimelineEventDto } from "../../lib/timeline/event-dto.ts";

type HerdSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** The entry number of a benchmark post (clientId "herd-00000042"), else null. */
export const entryOf = (event: TimelineEventDto): number | null =>
  event.clientId?.startsWith("herd-") ? Number(event.clientId.slice(5)) : null;

export interface HerdShared {
  incidentId: string;
  /** performance.now() when entry i was posted (NaN: not posted). */
  sentAt: Float64Array;
  latencies: number[];
  /** Collect latencies only while a phase is measured. */
  measuring: boolean;
}

export class HerdClient {
  readonly socket: HerdSocket;
  readonly presence = new Set<string>();
  /** Receipts per entry (255 caps): 0 lost, 1 fine, more duplicated. */
  readonly seen: Uint8Array;
  /** Highest sequence number up to which every entry is here (what a reconnect asks after). */
  contiguous = 0;
  private readonly seqs = new Set<number>();
  joins = 0;
  /** Joins that asked for the newest page instead of after a sequence number (must stay 1). */
  fullJoins = 0;
  joinMs: number[] = [];
  presenceBytes = 0;
  presenceMessages = 0;
  /** Wire bytes read by earlier transports (reconnects open new ones). */
  private wireBefore = 0;
  joinedAt = 0;
  isJoined = false;
  /** The first acknowledgement (the floor answers its joins with the same incident and page). */
  firstAck: Extract<JoinAck, { ok: true }> | undefined;

  constructor(
    url: string,
    cookie: string,
    private readonly shared: HerdShared,
    capacity: number,
    /** Who this is, for the floor server (Warroom reads the person from the cookie). */
    auth?: PresenceUser,
  ) {
    this.seen = new Uint8Array(capacity);
    this.socket = io(url, {
      path: "/socket.io",
      transports: ["websocket"],
      forceNew: true,
      autoConnect: false,
      ...RECONNECT_OPTIONS,
      extraHeaders: { cookie },
      ...(auth ? { auth: { ...auth } } : {}),
    });
    this.socket.on("connect", () => this.join());
    this.socket.on("disconnect", () => {
      this.isJoined = false;
      this.wireBefore += this.transportBytes();
    });
    this.socket.on("timeline:event", ({ event }) => this.receive(event));
    this.socket.on("presence:delta", (delta: PresenceDelta) => {
      this.presenceMessages++;
      this.presenceBytes += JSON.stringify(delta).length;
      for (const u of delta.joined) this.presence.add(u.id);
      for (const id of delta.left) this.presence.delete(id);
    });
  }

  /** Bytes read from the network by this client so far (compressed frames included). */
  wireBytes(): number {
    return this.wireBefore + this.transportBytes();
  }

  private transportBytes(): number {
    // The Node client's WebSocket transport keeps its `ws` socket; its TCP socket counts bytes.
    const transport = this.socket.io.engine?.transport as unknown as { ws?: { _socket?: { bytesRead?: number } } } | undefined;
    return transport?.ws?._socket?.bytesRead ?? 0;
  }

  /** The same entry pushed twice (an ack overlapping pushes after a reconnect is not counted: browsers drop it by sequence number). */
  pushedTwice = 0;
  /** Reconnect acks that could not carry everything missed (the client would page over HTTP). */
  ackHadMore = 0;

  private receive(event: TimelineEventDto, viaAck = false): void {
    if (event.seq <= this.contiguous || this.seqs.has(event.seq)) {
      if (!viaAck) this.pushedTwice++;
      return;
    }
    this.seqs.add(event.seq);
    while (this.seqs.has(this.contiguous + 1)) this.seqs.delete(++this.contiguous);
    const i = entryOf(event);
    if (i === null || i < 0 || i >= this.seen.length) return;
    this.seen[i] = Math.min(255, (this.seen[i] ?? 0) + 1);
    if (this.seen[i] === 1 && this.shared.measuring) this.shared.latencies.push(performance.now() - (this.shared.sentAt[i] ?? Number.NaN));
  }

  private join(): void {
    const first = this.joins++ === 0;
    if (first) this.fullJoins++;
    const started = performance.now();
    const payload = first ? { incidentId: this.shared.incidentId } : { incidentId: this.shared.incidentId, afterSeq: this.contiguous };
    this.socket.emit("incident:join", payload, (ack: JoinAck) => {
      if (!ack.ok) {
        process.stdout.write(`[bench] join refused: ${ack.error.message}\n`);
        return;
      }
      this.joinMs.push(performance.now() - started);
      this.firstAck ??= ack;
      this.presenceBytes += JSON.stringify(ack.presence).length + JSON.stringify(ack.incident).length;
      this.presence.clear();
      for (const u of ack.presence) this.presence.add(u.id);
      // The first join of a fresh room: the newest page is the whole history, mark it seen.
      if (first) this.contiguous = Math.max(this.contiguous, ack.events[0] ? ack.events[0].seq - 1 : ack.lastSeq);
      // Pushes that raced the first ack (sequence numbers below its page) are already counted.
      for (const e of ack.events) this.receive(e, true);
      if (ack.hasMore) this.ackHadMore++;
      this.isJoined = true;
      this.joinedAt = performance.now();
    });
  }

  connect(): void {
    this.socket.connect();
  }

  close(): void {
    this.socket.disconnect();
  }
}
