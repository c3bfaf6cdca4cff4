// Wakes this instance's sender right after a commit, so a notification usually leaves within a
// second without the request waiting for it. Route handlers are bundled apart from server.ts,
// so the sender is reached through globalThis (as the Socket.io server is).
declare global {
  var __warroomOutboundKick: (() => void) | undefined;
}

export function setOutboundKick(kick: (() => void) | undefined): void {
  globalThis.__warroomOutboundKick = kick;
}

/** Call after the transaction that queued deliveries committed; a no-op when no sender runs here. */
export function kickOutbound(): void {
  globalThis.__warroomOutboundKick?.();
}
