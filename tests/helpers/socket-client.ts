import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "../../lib/realtime/protocol.ts";

export type TestClient = Socket<ServerToClientEvents, ClientToServerEvents>;
type EventName = keyof ServerToClientEvents;
type Payload<E extends EventName> = Parameters<ServerToClientEvents[E]>[0];

/** A browser-like client: the session cookie rides on the handshake, as it does from a page. */
export function createClient(url: string, cookie?: string): TestClient {
  return io(url, {
    path: "/socket.io",
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
    extraHeaders: cookie ? { cookie } : {},
  });
}

export function connected(client: TestClient): Promise<void> {
  return new Promise((resolve, reject) => {
    client.once("connect", () => resolve());
    client.once("connect_error", reject);
  });
}

/** Resolves with the message of the error that refused the connection. */
export function refused(client: TestClient): Promise<string> {
  return new Promise((resolve, reject) => {
    client.once("connect", () => reject(new Error("expected the connection to be refused")));
    client.once("connect_error", (error) => resolve(error.message));
  });
}

/**
 * The next `event` whose payload passes `match`. Start waiting before triggering the action,
 * so a fast server cannot push it before the listener exists.
 */
export function nextEvent<E extends EventName>(
  client: TestClient,
  event: E,
  match: (payload: Payload<E>) => boolean = () => true,
  timeoutMs = 5_000,
): Promise<Payload<E>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      client.off(event, listener as never);
      reject(new Error(`no matching ${event} within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (payload: Payload<E>) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      client.off(event, listener as never);
      resolve(payload);
    };
    client.on(event, listener as never);
  });
}

/** Collects every `event` payload from now on, for asserting what arrived (and what did not). */
export function collect<E extends EventName>(client: TestClient, event: E): Payload<E>[] {
  const seen: Payload<E>[] = [];
  client.on(event, ((payload: Payload<E>) => seen.push(payload)) as never);
  return seen;
}
