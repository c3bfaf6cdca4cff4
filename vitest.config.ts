import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      "@/": `${root}/`,
      // Next.js enforces "server-only" at bundle time; under vitest it is just an empty module.
      "server-only": path.join(root, "tests/helpers/empty-module.ts"),
    },
  },
  test: {
    // A fixed secret so session cookies minted by the tests verify in the code under test.
    env: { NEXTAUTH_SECRET: "warroom-test-secret-0123456789abcdef" },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
          // Plain `vitest run` runs the fast unit tests first, then the integration tests.
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/integration/global-setup.ts"],
          environment: "node",
          // Each file opens its own database, cloned from the run's migrated template (global-setup.ts);
          // PGlite start-up is still ~1-2 s, and there are two cores, so two files at a time.
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
