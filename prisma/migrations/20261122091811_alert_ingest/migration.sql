-- CreateEnum
CREATE TYPE "IntegrationKind" AS ENUM ('alertmanager', 'grafana', 'pagerduty', 'opsgenie', 'datadog', 'pingdom', 'generic');

-- CreateEnum
CREATE TYPE "AlertStatus" AS ENUM ('firing', 'resolved');

-- CreateTable
CREATE TABLE "Integration" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "kind" "IntegrationKind" NOT NULL,
    "name" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "serviceLabel" TEXT NOT NULL DEFAULT 'service',
    "defaultServiceId" UUID,
    "serviceRules" JSONB NOT NULL DEFAULT '[]',
    "severityLabel" TEXT NOT NULL DEFAULT 'severity',
    "severityRules" JSONB NOT NULL DEFAULT '[]',
    "defaultSeverity" "Severity" NOT NULL DEFAULT 'SEV3',
    "opensIncidents" BOOLEAN NOT NULL DEFAULT true,
    "groupAlerts" BOOLEAN NOT NULL DEFAULT false,
    "lastReceivedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Integration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IntegrationAlert" (
    "id" UUID NOT NULL,
    "integrationId" UUID NOT NULL,
    "dedupKey" TEXT NOT NULL,
    "incidentId" UUID,
    "serviceId" UUID,
    "title" TEXT NOT NULL,
    "lastStatus" "AlertStatus" NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 1,
    "firstSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IntegrationAlert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "integrationId" UUID NOT NULL,
    "deliveryId" TEXT NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("integrationId","deliveryId")
);

-- CreateIndex
CREATE INDEX "Integration_defaultServiceId_idx" ON "Integration"("defaultServiceId");

-- CreateIndex
CREATE UNIQUE INDEX "Integration_organizationId_name_key" ON "Integration"("organizationId", "name");

-- CreateIndex
CREATE INDEX "IntegrationAlert_integrationId_lastSeenAt_idx" ON "IntegrationAlert"("integrationId", "lastSeenAt");

-- CreateIndex
CREATE INDEX "IntegrationAlert_incidentId_idx" ON "IntegrationAlert"("incidentId");

-- CreateIndex
CREATE INDEX "IntegrationAlert_serviceId_idx" ON "IntegrationAlert"("serviceId");

-- CreateIndex
CREATE UNIQUE INDEX "IntegrationAlert_integrationId_dedupKey_key" ON "IntegrationAlert"("integrationId", "dedupKey");

-- CreateIndex
CREATE INDEX "WebhookDelivery_receivedAt_idx" ON "WebhookDelivery"("receivedAt");

-- AddForeignKey
ALTER TABLE "Integration" ADD CONSTRAINT "Integration_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Integration" ADD CONSTRAINT "Integration_defaultServiceId_fkey" FOREIGN KEY ("defaultServiceId") REFERENCES "Service"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntegrationAlert" ADD CONSTRAINT "IntegrationAlert_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "Integration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntegrationAlert" ADD CONSTRAINT "IntegrationAlert_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntegrationAlert" ADD CONSTRAINT "IntegrationAlert_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "Integration"("id") ON DELETE CASCADE ON UPDATE CASCADE;
