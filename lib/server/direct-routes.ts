// Routes server.ts answers itself, before Next.js sees the request. Only the room's hot path is
// here: posting a timeline entry, which every responder does all night and which has to reach
// every browser in the room at once. Through Next's request pipeline a post cost about 2 ms more
// CPU than the rest of its work put together (measured with the load benchmark; see the README),
// and at peak that queueing is the difference between a room that keeps up and one that lags.
//
// The answer is the same as the route handler's in app/api (which stays, for Next's own routing
// and as the reference): the same authentication, CSRF check, body limit, domain function and
// error shape (api-core.ts), and the same security headers. The authorization matrix test sends
// every caller to both and fails on any difference.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { resolveActor } from "../auth/resolve-actor.ts";
import { postEvent } from "../timeline/post-event.ts";
import { postEventAsUser } from "../timeline/post-event-as-user.ts";
import { authenticate, bodyTooLarge, errorReply, MAX_BODY_BYTES, parseJsonBody, sessionOf, type RequestHead } from "../http/api-core.ts";
import { SECURITY_HEADERS } from "../http/security-headers.ts";

type Reply = { status: number; body: unknown; headers?: Record<string, string> };
type DirectHandler = (req: IncomingMessage, head: RequestHead, params: string[]) => Promise<Reply>;

interface DirectRoute {
  method: string;
  pattern: RegExp;
  handler: DirectHandler;
}

const ROUTES: DirectRoute[] = [
  {
    // app/api/incidents/[id]/events/route.ts, POST: 201 for a new entry, 200 for a retry.
    method: "POST",
    pattern: /^\/api\/incidents\/([^/]+)\/events$/,
    handler: async (req, head, [incidentId = ""]) => {
      const { event, created } =
        head.header("authorization") === null ? await postAsSession(req, head, incidentId) : await postWithToken(req, head, incidentId);
      return { status: created ? 201 : 200, body: event };
    },
  },
];

async function postWithToken(req: IncomingMessage, head: RequestHead, incidentId: string) {
  const { actor } = await authenticate(head);
  return postEvent(actor, incidentId, parseJsonBody(await readBody(req, head)));
}

/** A browser session: its user is read inside the posting statement (postEventAsUser). */
async function postAsSession(req: IncomingMessage, head: RequestHead, incidentId: string) {
  const session = await sessionOf(head);
  let input: unknown;
  try {
    input = parseJsonBody(await readBody(req, head));
  } catch (error) {
    // The route handler resolves the user before reading the body: a deleted user's session
    // gets its 401 before any complaint about the body, here too.
    await resolveActor(session);
    throw error;
  }
  return postEventAsUser(session, incidentId, input);
}

/** The route and its decoded path parameters, or null when Next.js should answer. */
function match(method: string | undefined, url: string | undefined): { route: DirectRoute; params: string[]; path: string } | null {
  if (!url) return null;
  const path = url.split("?", 1)[0] ?? "";
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const found = route.pattern.exec(path);
    if (!found) continue;
    try {
      return { route, params: found.slice(1).map((p) => decodeURIComponent(p)), path };
    } catch {
      // Broken percent-encoding: leave it to Next, which answers it as it answers any bad path.
      return null;
    }
  }
  return null;
}

/** Whether server.ts answers this request itself. */
export function isDirectRoute(method: string | undefined, url: string | undefined): boolean {
  return match(method, url) !== null;
}

/** The body as text, refusing (413) past the API's limit without holding more of it. */
function readBody(req: IncomingMessage, head: RequestHead): Promise<string> {
  if (Number(head.header("content-length") ?? 0) > MAX_BODY_BYTES) return Promise.reject(bodyTooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        // Stop buffering; the 413 goes out and the connection closes behind it.
        req.removeAllListeners("data");
        req.resume();
        reject(bodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.once("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.once("error", reject);
  });
}

function send(res: ServerResponse, reply: Reply, closeAfter: boolean): void {
  const payload = JSON.stringify(reply.body);
  const headers: Record<string, string | number> = {};
  for (const { key, value } of SECURITY_HEADERS) headers[key] = value;
  Object.assign(headers, reply.headers, { "content-type": "application/json", "content-length": Buffer.byteLength(payload) });
  if (closeAfter) headers.connection = "close";
  res.writeHead(reply.status, headers);
  res.end(payload);
}

/**
 * Answers the request if it is a direct route and returns true; returns false (having touched
 * nothing) for everything else, which goes on to Next.js.
 */
export function serveDirect(req: IncomingMessage, res: ServerResponse): boolean {
  const found = match(req.method, req.url);
  if (!found) return false;
  const head: RequestHead = {
    method: req.method ?? "GET",
    header: (name) => {
      const value = req.headers[name];
      return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
    },
  };
  found.route
    .handler(req, head, found.params)
    .then((reply) => send(res, reply, false))
    .catch((error: unknown) => {
      const reply = errorReply(error, { requestId: randomUUID(), method: head.method, path: found.path });
      // A body refused half-way is still arriving: close rather than read the rest.
      send(res, reply, reply.status === 413 || !req.complete);
    });
  return true;
}
