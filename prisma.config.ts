import { defineConfig } from "prisma/config";

// The CLI reads this file; the app itself builds its own client with a driver adapter (lib/db).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/warroom" },
});
