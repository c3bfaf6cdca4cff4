// Issue #16 finding 11: wherever a name is unique (teams, services, integrations, notification
// channels, post-mortem templates), look-alikes clash: zero-width characters, compatibility and
// combining forms, case and runs of spaces. A clash is a 422 naming `name`, on create and rename.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTeam } from "../../lib/catalog/create-team.ts";
import { updateTeam } from "../../lib/catalog/update-team.ts";
import { createIntegration } from "../../lib/integrations/create-integration.ts";
import { updateIntegration } from "../../lib/integrations/update-integration.ts";
import { createChannel } from "../../lib/outbound/create-channel.ts";
import { updateChannel } from "../../lib/outbound/update-channel.ts";
import { createPostmortemTemplate } from "../../lib/postmortems/create-postmortem-template.ts";
import { updatePostmortemTemplate } from "../../lib/postmortems/update-postmortem-template.ts";
import { db } from "../../lib/db/client.ts";
import { expectAppError } from "../helpers/app-error.ts";
import { seedOrganization, type SeededOrganization } from "../helpers/seed.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.ts";

let testDb: TestDatabase;
let acme: SeededOrganization;
beforeAll(async () => {
  testDb = await createTestDatabase();
  acme = await seedOrganization("Acme Names");
});
afterAll(() => testDb.close());

// Each spelling reads as the original to a person.
const LOOK_ALIKES = (name: string) => [
  name.replace(/^(\w{3})/, "$1\u200B"), // zero-width space inside
  name.toUpperCase(),
  `  ${name.replace(" ", "   ")}  `, // runs of spaces, padding
  name.replace(/^(\w)/, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)), // full-width first letter
  ...(name.includes("é") ? [name.replace("é", "e\u0301")] : []), // combining accent (NFD)
];

interface Kind {
  label: string;
  original: string;
  create(name: string): Promise<{ id: string }>;
  rename(id: string, name: string): Promise<unknown>;
  count(): Promise<number>;
}

const KINDS: Kind[] = [
  {
    label: "integrations",
    original: "Datadog prod",
    create: async (name) => (await createIntegration(acme.admin, { kind: "generic", name })).integration,
    rename: (id, name) => updateIntegration(acme.admin, id, { name }),
    count: () => db().integration.count({ where: { organizationId: acme.id } }),
  },
  {
    label: "notification channels",
    original: "Ops webhook",
    create: async (name) => (await createChannel(acme.admin, { kind: "webhook", name, url: "https://hooks.example.com/ops" })).channel,
    rename: (id, name) => updateChannel(acme.admin, id, { name }),
    count: () => db().outboundChannel.count({ where: { organizationId: acme.id } }),
  },
  {
    label: "post-mortem templates",
    original: "Café review",
    create: async (name) => {
      const template = await createPostmortemTemplate(acme.admin, { name, sections: [{ key: "summary", title: "Summary" }] });
      return { id: template.key, name: template.name };
    },
    rename: (id, name) => updatePostmortemTemplate(acme.admin, id, { name }),
    count: () => db().postmortemTemplate.count({ where: { organizationId: acme.id } }),
  },
  {
    label: "teams",
    original: "Payments team",
    create: (name) => createTeam(acme.admin, { name }),
    rename: (id, name) => updateTeam(acme.admin, id, { name }),
    count: () => db().team.count({ where: { organizationId: acme.id } }),
  },
];

describe.each(KINDS)("names of $label", (kind) => {
  it("refuse a look-alike of an existing name with a 422 naming the field, on create and on rename", async () => {
    await kind.create(kind.original);
    const other = await kind.create(`${kind.original} two`);
    const before = await kind.count();
    for (const spelling of LOOK_ALIKES(kind.original)) {
      expect(spelling).not.toBe(kind.original);
      await expectAppError(kind.create(spelling), "validation_failed", "name");
      await expectAppError(kind.rename(other.id, spelling), "validation_failed", "name");
    }
    expect(await kind.count()).toBe(before);
  });

  it("store the normalised spelling", async () => {
    const created = await kind.create(`  Sp\u200Bare   ${kind.label.slice(0, 4)}  `);
    const stored = JSON.stringify(created);
    expect(stored).toContain(`Spare ${kind.label.slice(0, 4)}`);
  });
});
