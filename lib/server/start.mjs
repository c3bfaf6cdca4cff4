// `npm start`: runs server.ts under plain Node. esbuild compiles it, with the lib/ modules it
// imports, into one ES module (about 0.1 s, so it is redone on every start and is never stale),
// and this process imports it.
// Why not beside the Next build in `.next/`: importing a module from `.next/` before `next build`
// has written `.next/package.json` ({"type": "commonjs"}) makes Node cache "no package.json here"
// for that folder, so once the first start's build is done every `.next/server/*.js` loads as an
// ES module (the root package is "type": "module") and every request answers 500. Nothing in this
// process may resolve a module under `.next/` until the build exists.
// Why not `tsx server.ts` as in development: the TypeScript loader keeps a thread, a second V8
// heap and a source-map cache for the life of the server, about 80 MB of memory doing nothing
// once started (measured with the load benchmark; see the README).
import { buildSync } from "esbuild";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const entry = path.join(root, "server.ts");
const distName = path.basename(process.env.NEXT_DIST_DIR ?? ".next");
const outDir = path.join(root, "node_modules", ".cache", "warroom");
const outfile = path.join(outDir, `server${distName === ".next" ? "" : `-${distName.replace(/^\./, "")}`}.mjs`);

mkdirSync(outDir, { recursive: true });
buildSync({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // Packages stay in node_modules and load as they would under tsx; only our own code is bundled.
  packages: "external",
  // server.ts finds the project (the Next build, migrations) from its own location.
  define: { "import.meta.url": JSON.stringify(pathToFileURL(entry).href) },
  logLevel: "warning",
});
await import(pathToFileURL(outfile).href);
