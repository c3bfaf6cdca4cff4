import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * Makes the production server use the Next.js configuration as resolved by the last `next build`
 * (required-server-files.json) instead of loading next.config.ts again: transpiling the config
 * loads Next's native compiler (SWC) and its thread pool, about 30 MB of memory for the life of
 * the process, to read a file the build already read. It is the mechanism of Next's own
 * `output: "standalone"` server (a custom server ignores `next({ conf })`). Headers and redirects
 * are compiled into the build's manifests, so nothing is lost. Development loads next.config.ts.
 */
export function adoptBuiltNextConfig(root: string): void {
  const file = path.join(root, process.env.NEXT_DIST_DIR ?? ".next", "required-server-files.json");
  const { config } = JSON.parse(readFileSync(file, "utf8")) as { config?: unknown };
  if (!config || typeof config !== "object") throw new Error(`${file} has no config; run \`npm run build\` again`);
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);
}
