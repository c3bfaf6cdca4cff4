/** When step `index` is due: the start plus its offset, sped up. */
export function stepDueAt(startedAt: Date, atSeconds: number, speed: number): Date {
  return new Date(startedAt.getTime() + (atSeconds * 1000) / speed);
}
