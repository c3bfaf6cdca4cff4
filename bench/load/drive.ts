import { performance } from "node:perf_hooks";
import { io, type Socket } from "socket.io-client";
import { summarize, type Summary } from "./stats.ts";

// One measured run against a target (Warroom or the floor): open the clients, post at a fixed
// rate, and record at every client when each entry arrived.

export interface Target {
  /** Base URL for client i (several instances: clients are spread over them). */
  urlFor(client: number): string;
  headersFor(client: number): Record<string, string>;
  /** Joins the room and resolves once the server confirmed. */
  join(socket: Socket, room: number): Promise<void>;
  /** The entry number a delivery carries, or null for deliveries that are not the benchmark's. */
  deliveryOf(event: string, payload: unknown): number | null;
  deliveryEvent: string;
  /** Posts entry i into a room; resolves with the HTTP status. */
  post(i: number, room: number): Promise<number>;
}

export interface RunOptions {
  clients: number;
  rooms: number;
  rate: number;
  seconds: number;
  /** Called once the clients are connected, just before posting starts. */
  onStart?: () => void;
}

export interface RunResult {
  latencyMs: Summary;
  posted: number;
  postFailures: number;
  expectedDeliveries: number;
  delivered: number;
  lost: number;
  duplicated: number;
  connectSeconds: number;
  postSeconds: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function openClients(target: Target, count: number, rooms: number): Promise<Socket[]> {
  const sockets: Socket[] = [];
  const BATCH = 50;
  for (let start = 0; start < count; start += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, count - start) }, (_, k) => start + k);
    await Promise.all(
      batch.map(async (i) => {
        const socket = io(target.urlFor(i), {
          path: "/socket.io",
          transports: ["websocket"],
          reconnection: false,
          forceNew: true,
          extraHeaders: target.headersFor(i),
        });
        await new Promise<void>((resolve, reject) => {
          socket.once("connect", () => resolve());
          socket.once("connect_error", reject);
        });
        await target.join(socket, i % rooms);
        sockets[i] = socket;
      }),
    );
  }
  return sockets;
}

export async function run(target: Target, options: RunOptions): Promise<RunResult> {
  const total = Math.round(options.rate * options.seconds);
  const connectStarted = performance.now();
  const sockets = await openClients(target, options.clients, options.rooms);
  const connectSeconds = (performance.now() - connectStarted) / 1000;

  const sentAt = new Float64Array(total).fill(Number.NaN);
  // Only entries the server accepted are expected at the clients; refused posts are counted apart.
  const stored = new Uint8Array(total);
  const received = sockets.map(() => new Uint8Array(total));
  const latencies: number[] = [];
  sockets.forEach((socket, c) => {
    socket.on(target.deliveryEvent, (payload: unknown) => {
      const i = target.deliveryOf(target.deliveryEvent, payload);
      if (i === null || i < 0 || i >= total) return;
      const seen = received[c];
      if (!seen) return;
      seen[i] = Math.min(255, (seen[i] ?? 0) + 1);
      if (seen[i] === 1) latencies.push(performance.now() - (sentAt[i] ?? Number.NaN));
    });
  });

  options.onStart?.();
  let postFailures = 0;
  const inFlight: Promise<void>[] = [];
  const postStarted = performance.now();
  let next = 0;
  while (next < total) {
    const due = Math.min(total, Math.floor(((performance.now() - postStarted) / 1000) * options.rate) + 1);
    for (; next < due; next++) {
      const i = next;
      sentAt[i] = performance.now();
      inFlight.push(
        target.post(i, i % options.rooms).then(
          (status) => {
            if (status >= 300) postFailures++;
            else stored[i] = 1;
          },
          (error: unknown) => {
            // A refused or dropped connection (the server is overloaded): show the first few.
            if (postFailures++ < 3)
              process.stdout.write(
                `[bench] post ${i} failed: ${error instanceof Error ? `${error.message} ${String(error.cause ?? "")}` : String(error)}\n`,
              );
          },
        ),
      );
    }
    await sleep(2);
  }
  await Promise.all(inFlight);
  const postSeconds = (performance.now() - postStarted) / 1000;
  // Let the last deliveries arrive.
  await sleep(3_000);

  let expected = 0;
  let delivered = 0;
  let lost = 0;
  let duplicated = 0;
  sockets.forEach((_, c) => {
    const room = c % options.rooms;
    const seen = received[c];
    for (let i = room; i < total; i += options.rooms) {
      if (!stored[i]) continue;
      expected++;
      const n = seen?.[i] ?? 0;
      if (n === 0) lost++;
      else delivered++;
      if (n > 1) duplicated += n - 1;
    }
  });
  for (const s of sockets) s.disconnect();
  return {
    latencyMs: summarize(latencies.filter((v) => Number.isFinite(v))),
    posted: total,
    postFailures,
    expectedDeliveries: expected,
    delivered,
    lost,
    duplicated,
    connectSeconds,
    postSeconds,
  };
}
