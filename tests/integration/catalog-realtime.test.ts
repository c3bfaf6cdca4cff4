import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDependency } from "../../lib/catalog/add-dependency.ts";
import { createService } from "../../lib/catalog/create-service.ts";
import { updateService } from "../../lib/catalog/update-service.ts";
import { createTeam } from "../../lib/catalog/create-team.ts";
import { deleteTeam } from "../../lib/catalog/delete-team.ts";
import { appErrorOf } from "../helpers/app-error.ts";
import { withRealtimeServer, type RealtimeTestBed } from "../helpers/realtime-server.ts";
import { seedOrganization, type SeededOrganization } from "../helpers/seed.ts";
import { collect, nextEvent } from "../helpers/socket-client.ts";

let realtime: RealtimeTestBed;
let acme: SeededOrganization;
let globex: SeededOrganization;

beforeAll(async () => {
  realtime = await withRealtimeServer();
  acme = await seedOrganization("Acme");
  globex = await seedOrganization("Globex");
});

afterAll(() => realtime.close());

describe("catalog:changed", () => {
  it("tells the organisation, and only it, after each committed change; refused changes say nothing", async () => {
    const viewer = await realtime.signedIn(acme.viewer.userId);
    const stranger = collect(await realtime.signedIn(globex.viewer.userId), "catalog:changed");
    const seen = collect(viewer, "catalog:changed");

    const teamEvent = nextEvent(viewer, "catalog:changed", (c) => c.entity === "team");
    const team = await createTeam(acme.commander, { name: "Payments" });
    expect(await teamEvent).toEqual({ entity: "team", action: "created", id: team.id });

    const a = await createService(acme.commander, { name: "Checkout API", teamId: team.id });
    const b = await createService(acme.commander, { name: "PSP adapter", teamId: team.id });
    const edgeEvent = nextEvent(viewer, "catalog:changed", (c) => c.entity === "dependency");
    const { dependency } = await addDependency(acme.commander, a.id, { toId: b.id });
    expect(await edgeEvent).toEqual({ entity: "dependency", action: "created", id: dependency.id });

    const before = seen.length;
    expect((await appErrorOf(updateService(acme.commander, a.id, { name: "PSP adapter" }))).status).toBe(422);
    expect((await appErrorOf(deleteTeam(acme.commander, team.id))).status).toBe(409);
    // A change after the refused ones arrives next: nothing was sent for those in between.
    const updated = nextEvent(viewer, "catalog:changed", (c) => c.action === "updated");
    await updateService(acme.commander, a.id, { tier: 1 });
    expect(await updated).toEqual({ entity: "service", action: "updated", id: a.id });
    expect(seen.slice(before)).toEqual([{ entity: "service", action: "updated", id: a.id }]);
    expect(stranger).toEqual([]);
  });
});
