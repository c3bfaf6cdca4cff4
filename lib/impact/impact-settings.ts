import { assertCan, type Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { JOURNEYS, type JourneyName } from "../vocabulary/catalog.ts";
import { db, preparedQuery } from "../db/client.ts";
import type { PreparedStatement } from "../db/open-database.ts";
import { notFound } from "../errors/app-error.ts";
import type { Prisma } from "../db/generated/client.ts";
import { DEFAULT_ALERT_DEGRADATION, readAlertDegradation } from "./alert-degradation.ts";
import type { ImpactModel, JourneyBaselineSpec } from "./model.ts";
import { toImpactModel, type ImpactSettingsDto } from "./settings-dto.ts";
import { ZImpactSettingsInput } from "./schemas.ts";

type Client = Prisma.TransactionClient | ReturnType<typeof db>;

const EMPTY: JourneyBaselineSpec = { revenuePerMinute: 0, ordersPerMinute: 0, customersPerMinute: 0, conversionWeight: 0 };

const SETTINGS_SELECT = {
  currency: true,
  timeZone: true,
  hourlyProfile: true,
  responderHourlyRate: true,
  alertDegradation: true,
  baselines: { select: { journey: true, revenuePerMinute: true, ordersPerMinute: true, customersPerMinute: true, conversionWeight: true } },
  peakWindows: { select: { id: true, name: true, startsAt: true, endsAt: true, multiplier: true }, orderBy: { startsAt: "asc" } },
} satisfies Prisma.OrganizationSelect;

type SettingsRow = Prisma.OrganizationGetPayload<{ select: typeof SETTINGS_SELECT }>;

async function readSettings(client: Client, organizationId: string): Promise<ImpactSettingsDto> {
  return settingsOf(await client.organization.findUniqueOrThrow({ where: { id: organizationId }, select: SETTINGS_SELECT }));
}

function settingsOf(org: SettingsRow): ImpactSettingsDto {
  const baselines = Object.fromEntries(JOURNEYS.map((j) => [j, { ...EMPTY }])) as Record<JourneyName, JourneyBaselineSpec>;
  for (const { journey, ...b } of org.baselines) baselines[journey] = b;
  return {
    currency: org.currency,
    timeZone: org.timeZone,
    hourlyProfile: org.hourlyProfile,
    responderHourlyRate: org.responderHourlyRate,
    baselines,
    peakWindows: org.peakWindows.map((w) => ({ ...w, startsAt: w.startsAt.toISOString(), endsAt: w.endsAt.toISOString() })),
    alertDegradation: { ...DEFAULT_ALERT_DEGRADATION, ...readAlertDegradation(org.alertDegradation) },
  };
}

// readSettings in ONE statement (the ORM reads the organisation, its baselines and its peak
// windows in three): every /triage render reads the settings, outside any transaction (#17).
// tests/integration/triage-one-statement.test.ts holds the two reads equal.
const SETTINGS: PreparedStatement = {
  name: "warroom_impact_settings_v1",
  text: `
SELECT o.currency, o."timeZone", o."hourlyProfile", o."responderHourlyRate", o."alertDegradation",
       COALESCE((SELECT json_agg(json_build_object('journey', b.journey, 'revenuePerMinute', b."revenuePerMinute", 'ordersPerMinute', b."ordersPerMinute",
                                   'customersPerMinute', b."customersPerMinute", 'conversionWeight', b."conversionWeight"))
                   FROM "JourneyBaseline" b WHERE b."organizationId" = o.id), '[]'::json) AS baselines,
       COALESCE((SELECT json_agg(json_build_object('id', w.id, 'name', w.name, 'startsAt', w."startsAt", 'endsAt', w."endsAt", 'multiplier', w.multiplier)
                                 ORDER BY w."startsAt")
                   FROM "PeakWindow" w WHERE w."organizationId" = o.id), '[]'::json) AS "peakWindows"
  FROM "Organization" o
 WHERE o.id = $1::uuid`,
};

type JsonSettingsRow = Omit<SettingsRow, "peakWindows"> & {
  peakWindows: (Omit<SettingsRow["peakWindows"][number], "startsAt" | "endsAt"> & { startsAt: string; endsAt: string })[];
};

/** The impact settings read in one statement, outside any transaction. */
export async function readImpactSettingsNow(organizationId: string): Promise<ImpactSettingsDto> {
  const [row] = await preparedQuery<JsonSettingsRow>(SETTINGS, [organizationId]);
  if (!row) throw notFound("Organization");
  return settingsOf({
    ...row,
    peakWindows: row.peakWindows.map((w) => ({ ...w, startsAt: new Date(w.startsAt), endsAt: new Date(w.endsAt) })),
  });
}

/** loadImpactModel over readImpactSettingsNow: for reads outside a transaction on the hot path. */
export async function loadImpactModelNow(organizationId: string): Promise<{ model: ImpactModel; currency: string; hourlyRate: number }> {
  return modelOf(await readImpactSettingsNow(organizationId));
}

const modelOf = (s: ImpactSettingsDto) => ({ model: toImpactModel(s), currency: s.currency, hourlyRate: s.responderHourlyRate });

/** The model the pure impact functions take, plus currency and hourly rate. */
export async function loadImpactModel(
  client: Client,
  organizationId: string,
): Promise<{ model: ImpactModel; currency: string; hourlyRate: number }> {
  return modelOf(await readSettings(client, organizationId));
}

/** Everyone signed in reads the settings: the room shows money in them. */
export async function getImpactSettings(actor: Actor): Promise<ImpactSettingsDto> {
  assertCan(actor, "incident:read");
  return readSettings(db(), actor.organizationId);
}

/** ADMIN only; all given parts are validated first and written together, or nothing is. */
export async function updateImpactSettings(actor: Actor, raw: unknown): Promise<ImpactSettingsDto> {
  assertCan(actor, "org:admin");
  const input = ZImpactSettingsInput.parse(raw);
  const organizationId = actor.organizationId;
  return db().$transaction(async (tx) => {
    const before = await readSettings(tx, organizationId);
    await tx.organization.update({
      where: { id: organizationId },
      data: {
        currency: input.currency,
        timeZone: input.timeZone,
        hourlyProfile: input.hourlyProfile,
        responderHourlyRate: input.responderHourlyRate,
        // Merged: a severity left out keeps its stored value.
        alertDegradation: input.alertDegradation ? { ...before.alertDegradation, ...input.alertDegradation } : undefined,
      },
    });
    for (const [journey, b] of Object.entries(input.baselines ?? {})) {
      const key = journey as JourneyName;
      await tx.journeyBaseline.upsert({
        where: { organizationId_journey: { organizationId, journey: key } },
        create: { organizationId, journey: key, ...b },
        update: b,
      });
    }
    if (input.peakWindows) {
      await tx.peakWindow.deleteMany({ where: { organizationId } });
      await tx.peakWindow.createMany({
        data: input.peakWindows.map((w) => ({
          organizationId,
          name: w.name,
          startsAt: new Date(w.startsAt),
          endsAt: new Date(w.endsAt),
          multiplier: w.multiplier,
        })),
      });
    }
    const after = await readSettings(tx, organizationId);
    await recordAudit(tx, actor, { action: "org.impact_settings", entityType: "Organization", entityId: organizationId, before, after });
    return after;
  });
}
