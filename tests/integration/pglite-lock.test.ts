import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../lib/db/open-database.ts";
import { DatabaseLockedError } from "../../lib/db/pglite-lock.ts";

const run = promisify(execFile);
const cli = path.resolve("tests/helpers/open-pglite-cli.ts");

/** Runs the helper in a separate Node process, as a second server start would. */
async function openInAnotherProcess(dir: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", cli, dir], { timeout: 45_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === "number" ? e.code : -1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

/** A pid that certainly belonged to a process that has exited. */
async function deadPid(): Promise<number> {
  const child = execFile(process.execPath, ["-e", ""]);
  const pid = child.pid;
  await new Promise((resolve) => child.on("exit", resolve));
  if (!pid) throw new Error("could not start a child process");
  return pid;
}

// PGlite keeps no lock of its own; two processes on one directory would lose writes.
// Runs on every backend: the embedded database is the default whatever TEST_DATABASE_URL says.
describe("embedded database directory lock", () => {
  let root: string;
  let dir: string;
  let lockFile: string;
  let first: Database | undefined;

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), "warroom-lock-"));
    dir = path.join(root, "pglite");
    lockFile = `${dir}.lock`;
    first = await openDatabase({ pgliteDir: dir });
  });
  afterAll(async () => {
    await first?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it("refuses a second open in the same process, saying what to do", async () => {
    const second = openDatabase({ pgliteDir: dir });
    await expect(second).rejects.toBeInstanceOf(DatabaseLockedError);
    await expect(second).rejects.toThrow(`The embedded database at ${dir} is already open in process ${process.pid}`);
    await expect(second).rejects.toThrow(/DATABASE_URL/);
    // The refused open must not have released the lock the first one holds.
    expect(readFileSync(lockFile, "utf8")).toContain(`${process.pid}@`);
  });

  it("refuses a second process, which exits with the message", async () => {
    const result = await openInAnotherProcess(dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`DatabaseLockedError: The embedded database at ${dir} is already open in process ${process.pid}`);
    expect(await first?.prisma.organization.count()).toBe(0);
  });

  it("lets it be opened again once closed, by this process or another", async () => {
    await first?.close();
    first = undefined;
    expect(existsSync(lockFile)).toBe(false);

    const result = await openInAnotherProcess(dir);
    expect(result).toMatchObject({ code: 0, stdout: "opened\n" });

    first = await openDatabase({ pgliteDir: dir });
    expect(first.migrations.applied).toEqual([]);
  });

  it("takes over a lock left behind by a process that died", async () => {
    await first?.close();
    first = undefined;
    writeFileSync(lockFile, `${await deadPid()}@${hostname()}\n`);
    first = await openDatabase({ pgliteDir: dir });
    expect(readFileSync(lockFile, "utf8").trim()).toBe(`${process.pid}@${hostname()}`);
  });
});
