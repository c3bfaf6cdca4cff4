// The floor the load benchmark compares Warroom with: on the same machine, the least any server
// could do. Per entry: one INSERT into Postgres, then a bare Socket.io broadcast to the room (no
// auth, no validation, no sequence numbers, no adapter). It broadcasts the row it stored, as
// Warroom does, so the clients receive (and parse) the same kind of message.
// Per join (the herd's floor): Warroom's own protocol and payload sizes with nothing behind them.
// `incident:join` is acknowledged from memory with the full presence list, and the incident and
// newest page Warroom acknowledged with (FLOOR_JOIN_ACK_FILE); arrivals go to the room as one
// delta per window, like Warroom's presence. No cookie, no database read, the same compression.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import pg from "pg";
import { Server } from "socket.io";

const port = Number(process.env.PORT);
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
await pool.query(
  "CREATE TABLE IF NOT EXISTS bench_floor (id bigserial PRIMARY KEY, room int NOT NULL, body text NOT NULL, at timestamptz NOT NULL DEFAULT now())",
);

interface PresenceUser {
  id: string;
  name: string;
  role: string;
}
const joinAck = process.env.FLOOR_JOIN_ACK_FILE
  ? (JSON.parse(readFileSync(process.env.FLOOR_JOIN_ACK_FILE, "utf8")) as { incident: unknown; events: unknown[]; lastSeq: number })
  : null;
const WINDOW_MS = Number(process.env.FLOOR_PRESENCE_WINDOW_MS ?? 250);

const http = createServer((req, res) => {
  if (req.method !== "POST") {
    res.writeHead(200).end("ok");
    return;
  }
  let raw = "";
  req.on("data", (c: Buffer) => (raw += c.toString()));
  req.on("end", () => {
    const { room, i, body } = JSON.parse(raw) as { room: number; i: number; body: string };
    pool
      .query<{ id: string; room: number; body: string; at: Date }>(
        "INSERT INTO bench_floor (room, body) VALUES ($1, $2) RETURNING id, room, body, at",
        [room, body],
      )
      .then(({ rows: [entry] }) => {
        io.to(`r${room}`).emit("msg", { i, entry });
        res.writeHead(201, { "content-type": "application/json" }).end('{"ok":true}');
      })
      .catch((error: unknown) => res.writeHead(500).end(String(error)));
  });
});
const io = new Server(http, {
  path: "/socket.io",
  serveClient: false,
  perMessageDeflate: { threshold: 1024, serverNoContextTakeover: true, serverMaxWindowBits: 10, zlibDeflateOptions: { memLevel: 4 } },
});

const rooms = new Map<string, { users: Map<string, PresenceUser>; joined: PresenceUser[]; timer?: ReturnType<typeof setTimeout> }>();

io.on("connection", (socket) => {
  socket.on("join", (room: number, ack: (ok: boolean) => void) => {
    void socket.join(`r${room}`);
    ack(true);
  });
  socket.on("incident:join", (payload: { incidentId: string }, ack: (result: unknown) => void) => {
    const user = socket.handshake.auth as PresenceUser;
    const id = payload.incidentId;
    let r = rooms.get(id);
    if (!r) rooms.set(id, (r = { users: new Map(), joined: [] }));
    const state = r;
    void socket.join(id);
    state.users.set(user.id, user);
    state.joined.push(user);
    state.timer ??= setTimeout(() => {
      state.timer = undefined;
      io.to(id).emit("presence:delta", { incidentId: id, joined: state.joined.splice(0), left: [] });
    }, WINDOW_MS);
    ack({
      ok: true,
      lastSeq: joinAck?.lastSeq ?? 0,
      events: joinAck?.events ?? [],
      hasMore: false,
      presence: [...state.users.values()],
      incident: joinAck?.incident ?? {},
    });
  });
});
http.listen(port, "127.0.0.1", () => process.stdout.write(`floor listening on ${port}\n`));
process.on("SIGTERM", () => {
  void io.close();
  void pool.end().finally(() => process.exit(0));
});
