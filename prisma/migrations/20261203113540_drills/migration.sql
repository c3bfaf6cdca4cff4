-- CreateEnum
CREATE TYPE "DrillStatus" AS ENUM ('running', 'finished', 'cancelled');

-- AlterTable
ALTER TABLE "Incident" ADD COLUMN     "drillId" UUID;

-- AlterTable
ALTER TABLE "OutboundChannel" ADD COLUMN     "acceptsDrills" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "Drill" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "scenarioKey" TEXT NOT NULL,
    "scenarioName" TEXT NOT NULL,
    "scenarioYaml" TEXT NOT NULL,
    "failingServiceId" UUID,
    "speed" INTEGER NOT NULL DEFAULT 1,
    "status" "DrillStatus" NOT NULL DEFAULT 'running',
    "startedById" UUID,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMPTZ(3),
    "nextStep" INTEGER NOT NULL DEFAULT 0,
    "nextStepAt" TIMESTAMPTZ(3),
    "leaseUntil" TIMESTAMPTZ(3),
    "report" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Drill_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Drill_organizationId_startedAt_idx" ON "Drill"("organizationId", "startedAt");

-- CreateIndex
CREATE INDEX "Drill_status_nextStepAt_idx" ON "Drill"("status", "nextStepAt");

-- CreateIndex
CREATE UNIQUE INDEX "Incident_drillId_key" ON "Incident"("drillId");

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_drillId_fkey" FOREIGN KEY ("drillId") REFERENCES "Drill"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Drill" ADD CONSTRAINT "Drill_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Drill" ADD CONSTRAINT "Drill_failingServiceId_fkey" FOREIGN KEY ("failingServiceId") REFERENCES "Service"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Drill" ADD CONSTRAINT "Drill_startedById_fkey" FOREIGN KEY ("startedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
