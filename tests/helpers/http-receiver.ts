import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

// A local HTTP server standing in for what Warroom sends to (Slack, Teams, a signed webhook,
// PagerDuty, Opsgenie): it records every request and answers as the test tells it, per path.

export interface ReceivedRequest<B> {
  path: string;
  body: B;
  headers: IncomingHttpHeaders;
}

/** How to answer the n-th request (0-based) to one path. */
export type Answer = (n: number, res: ServerResponse) => void;

export interface HttpReceiver<B> {
  /** "http://127.0.0.1:<port>". */
  base: string;
  received: ReceivedRequest<B>[];
  /** Per path: how to answer; a path without one gets the receiver's default answer. */
  behaviour: Map<string, Answer>;
  hits(path: string): ReceivedRequest<B>[];
  close(): Promise<void>;
}

export interface HttpReceiverOptions<B> {
  /** The request body as the test reads it (default: the text). */
  parse?: (text: string) => B;
  /** The answer to a path without a behaviour (default: 200 "ok"). */
  answer?: (path: string, res: ServerResponse) => void;
}

export async function startHttpReceiver<B = string>(options: HttpReceiverOptions<B> = {}): Promise<HttpReceiver<B>> {
  const parse = options.parse ?? ((text: string) => text as B);
  const fallback = options.answer ?? ((_path: string, res: ServerResponse) => res.writeHead(200).end("ok"));
  const received: ReceivedRequest<B>[] = [];
  const behaviour = new Map<string, Answer>();
  const hits = (path: string) => received.filter((r) => r.path === path);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const path = req.url ?? "/";
      const n = hits(path).length;
      received.push({ path, body: parse(Buffer.concat(chunks).toString("utf8")), headers: req.headers });
      const answer = behaviour.get(path);
      if (answer) answer(n, res);
      else fallback(path, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    behaviour,
    hits,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
