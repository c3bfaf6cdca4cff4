-- AlterTable
ALTER TABLE "Incident" ADD COLUMN     "suggestedCommanderId" UUID;

-- AlterTable
ALTER TABLE "IncidentImpactChange" ADD COLUMN     "estimated" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Integration" ADD COLUMN     "alertDegradation" JSONB,
ALTER COLUMN "groupAlerts" SET DEFAULT true;

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "alertDegradation" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "Service" ADD COLUMN     "aliases" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "healthCheckEnabled" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "WebhookRefusal" (
    "id" UUID NOT NULL,
    "integrationId" UUID NOT NULL,
    "status" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "bodyExcerpt" TEXT NOT NULL DEFAULT '',
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookRefusal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WebhookRefusal_integrationId_receivedAt_idx" ON "WebhookRefusal"("integrationId", "receivedAt");

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_suggestedCommanderId_fkey" FOREIGN KEY ("suggestedCommanderId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookRefusal" ADD CONSTRAINT "WebhookRefusal_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "Integration"("id") ON DELETE CASCADE ON UPDATE CASCADE;
