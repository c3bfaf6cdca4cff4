// Wakes this instance's drill player after a drill starts, so its first step plays at once.
// Route handlers are bundled apart from server.ts: reached through globalThis (like kickOutbound).
declare global {
  var __warroomDrillWake: (() => void) | undefined;
}

export function setDrillWake(wake: (() => void) | undefined): void {
  globalThis.__warroomDrillWake = wake;
}

export function wakeDrillPlayer(): void {
  globalThis.__warroomDrillWake?.();
}
