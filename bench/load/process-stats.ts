import { readFileSync } from "node:fs";

// Samples a process's resident memory and CPU time from /proc (Linux), the way `top` would.
const CLOCK_TICKS = 100;

/** CPU seconds (user + system) the process has used so far, or null when it is gone. */
export function cpuSecondsOf(pid: number): number | null {
  return read(pid)?.cpuSeconds ?? null;
}

function read(pid: number): { rssMb: number; cpuSeconds: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    // Fields 14 and 15 of /proc/pid/stat (after the parenthesised name) are user and system ticks.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]);
    return { rssMb: rssKb / 1024, cpuSeconds: ticks / CLOCK_TICKS };
  } catch {
    return null;
  }
}

export interface ProcessWatch {
  /** Starts the CPU-time window (call when the measured phase starts). */
  mark(): void;
  stop(): { peakRssMb: number; lastRssMb: number; cpuPercent: number };
}

export function watchProcess(pid: number): ProcessWatch {
  let peak = 0;
  let last = 0;
  let start = read(pid);
  let startAt = Date.now();
  const timer = setInterval(() => {
    const s = read(pid);
    if (!s) return;
    last = s.rssMb;
    peak = Math.max(peak, s.rssMb);
  }, 250);
  return {
    mark: () => {
      start = read(pid);
      startAt = Date.now();
    },
    stop: () => {
      clearInterval(timer);
      const end = read(pid);
      const seconds = (Date.now() - startAt) / 1000;
      const cpu = start && end && seconds > 0 ? ((end.cpuSeconds - start.cpuSeconds) / seconds) * 100 : 0;
      return { peakRssMb: peak, lastRssMb: last, cpuPercent: cpu };
    },
  };
}
