// The floor the load benchmark compares Warroom with: on the same machine, the least any server
// could do per entry — one INSERT into Postgres, then a bare Socket.io broadcast to the room.
// No auth, no validation, no sequence numbers, no adapter. It broadcasts the row it stored, as
// Warroom does, so the clients receive (and parse) the same kind of message.
import { createServer } from "node:http";
import pg from "pg";
import { Server } from "socket.io";

const port = Number(process.env.PORT);
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
await pool.query("CREATE TABLE IF NOT EXISTS bench_floor (id bigserial PRIMARY KEY, room int NOT NULL, body text NOT NULL, at timestamptz NOT NULL DEFAULT now())");

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
      .query<{ id: string; room: number; body: string; at: Date }>("INSERT INTO bench_floor (room, body) VALUES ($1, $2) RETURNING id, room, body, at", [room, body])
      .then(({ rows: [entry] }) => {
        io.to(`r${room}`).emit("msg", { i, entry });
        res.writeHead(201, { "content-type": "application/json" }).end('{"ok":true}');
      })
      .catch((error: unknown) => res.writeHead(500).end(String(error)));
  });
});
const io = new Server(http, { path: "/socket.io", serveClient: false });
io.on("connection", (socket) => {
  socket.on("join", (room: number, ack: (ok: boolean) => void) => {
    void socket.join(`r${room}`);
    ack(true);
  });
});
http.listen(port, "127.0.0.1", () => process.stdout.write(`floor listening on ${port}\n`));
process.on("SIGTERM", () => {
  void io.close();
  void pool.end().finally(() => process.exit(0));
});
