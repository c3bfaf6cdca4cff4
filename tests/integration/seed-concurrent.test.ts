// Two instances started together on an empty shared database both try to seed the demo org.
import { afterAll, beforeAll, expect, it } from "vitest";
import { DEMO_PAST_INCIDENTS } from "../../lib/seed/demo-history-content.ts";
import { seedDemo } from "../../lib/seed/seed-demo.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.ts";

let testDb: TestDatabase;

beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb.close());

it("seeds once when two starts race on an empty database", async () => {
  const results = await Promise.all([seedDemo(testDb.database.prisma), seedDemo(testDb.database.prisma)]);
  expect(results.sort()).toEqual([false, true]);
  expect(await testDb.database.prisma.organization.count()).toBe(1);
  expect(await testDb.database.prisma.incident.count()).toBe(2 + DEMO_PAST_INCIDENTS.length); // INC-1, the history, the finished drill
});
