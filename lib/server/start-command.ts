import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * The arguments after `node` in `npm start` (package.json): its Node flags and the launcher. The
 * load benchmark and the end-to-end tests start servers of their own with these, so they measure
 * and test the server exactly as it runs for users, memory flags included.
 */
export function startCommandArgs(root: string): string[] {
  const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts?: { start?: string } };
  const [program, ...args] = (pkg.scripts?.start ?? "").trim().split(/\s+/);
  if (program !== "node" || args.length === 0)
    throw new Error(`package.json's start script must be \`node [flags] <launcher>\`, not "${pkg.scripts?.start ?? ""}"`);
  return args;
}
