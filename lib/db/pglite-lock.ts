import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";

/** Thrown when another process (or this one) already has the embedded database open. */
export class DatabaseLockedError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `The embedded database at ${dir} is already open in process ${pid}. ` +
        `PGlite cannot be shared between processes (writes would be lost). ` +
        `Stop the other process, set DATA_DIR/PGLITE_DIR to another directory, ` +
        `or set DATABASE_URL to use PostgreSQL for more than one instance.`,
    );
    this.name = "DatabaseLockedError";
  }
}

const heldInThisProcess = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means the process exists but belongs to someone else: still alive.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readOwner(lockFile: string): { pid: number; host: string } | null {
  try {
    const [pid, host] = readFileSync(lockFile, "utf8").trim().split("@");
    const parsed = Number(pid);
    return Number.isInteger(parsed) && parsed > 0 ? { pid: parsed, host: host ?? "" } : null;
  } catch {
    return null;
  }
}

/**
 * PGlite does not lock its data directory, so we do: an exclusive lock file beside it,
 * holding the owner's pid. A lock left by a dead process is taken over.
 * Returns the release function.
 */
export function acquirePgliteLock(dataDir: string): () => void {
  const dir = path.resolve(dataDir);
  const lockFile = `${dir}.lock`;
  if (heldInThisProcess.has(lockFile)) throw new DatabaseLockedError(dir, process.pid);
  mkdirSync(path.dirname(lockFile), { recursive: true });

  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, "wx", 0o600);
      writeSync(fd, `${process.pid}@${hostname()}\n`);
      closeSync(fd);
      heldInThisProcess.add(lockFile);
      return () => {
        heldInThisProcess.delete(lockFile);
        const owner = readOwner(lockFile);
        if (owner?.pid === process.pid) unlinkSync(lockFile);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = readOwner(lockFile);
      const sameHost = !owner?.host || owner.host === hostname();
      if (owner && sameHost && isAlive(owner.pid) && owner.pid !== process.pid) {
        throw new DatabaseLockedError(dir, owner.pid);
      }
      if (owner && !sameHost) throw new DatabaseLockedError(dir, owner.pid);
      // Stale lock from a process that died without cleaning up.
      unlinkSync(lockFile);
    }
  }
  throw new Error(`Could not lock the embedded database at ${dir}`);
}
