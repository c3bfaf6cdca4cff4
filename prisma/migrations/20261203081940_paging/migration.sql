-- CreateEnum
CREATE TYPE "PageStatus" AS ENUM ('triggered', 'acknowledged', 'resolved', 'failed');

-- CreateEnum
CREATE TYPE "EscalationAction" AS ENUM ('repeat', 'next_contact', 'team');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "OutboundKind" ADD VALUE 'pagerduty';
ALTER TYPE "OutboundKind" ADD VALUE 'opsgenie';

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "sev1AutoPage" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "OutboundDelivery" ADD COLUMN     "pageId" UUID,
ADD COLUMN     "url" TEXT;

-- CreateTable
CREATE TABLE "PagingRoute" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "teamId" UUID NOT NULL,
    "channelId" UUID NOT NULL,
    "responders" JSONB NOT NULL DEFAULT '[]',
    "escalateAfterMinutes" INTEGER,
    "escalation" "EscalationAction" NOT NULL DEFAULT 'repeat',
    "escalationTeamId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PagingRoute_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Page" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "incidentId" UUID NOT NULL,
    "teamId" UUID NOT NULL,
    "kind" "OutboundKind" NOT NULL,
    "dedupKey" TEXT NOT NULL,
    "status" "PageStatus" NOT NULL DEFAULT 'triggered',
    "reason" TEXT NOT NULL DEFAULT '',
    "pagedById" UUID,
    "pagedAt" TIMESTAMPTZ(3) NOT NULL,
    "eventSeq" INTEGER NOT NULL,
    "acknowledgedAt" TIMESTAMPTZ(3),
    "acknowledgedBy" TEXT,
    "escalations" INTEGER NOT NULL DEFAULT 0,
    "nextEscalationAt" TIMESTAMPTZ(3),
    "lastError" TEXT NOT NULL DEFAULT '',
    "lastStatusCode" INTEGER,
    "resolvedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Page_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PagingRoute_teamId_key" ON "PagingRoute"("teamId");

-- CreateIndex
CREATE UNIQUE INDEX "PagingRoute_channelId_key" ON "PagingRoute"("channelId");

-- CreateIndex
CREATE INDEX "PagingRoute_organizationId_idx" ON "PagingRoute"("organizationId");

-- CreateIndex
CREATE INDEX "PagingRoute_escalationTeamId_idx" ON "PagingRoute"("escalationTeamId");

-- CreateIndex
CREATE INDEX "Page_organizationId_dedupKey_idx" ON "Page"("organizationId", "dedupKey");

-- CreateIndex
CREATE INDEX "Page_status_nextEscalationAt_idx" ON "Page"("status", "nextEscalationAt");

-- CreateIndex
CREATE INDEX "Page_teamId_idx" ON "Page"("teamId");

-- CreateIndex
CREATE UNIQUE INDEX "Page_incidentId_teamId_key" ON "Page"("incidentId", "teamId");

-- CreateIndex
CREATE INDEX "OutboundDelivery_pageId_idx" ON "OutboundDelivery"("pageId");

-- AddForeignKey
ALTER TABLE "OutboundDelivery" ADD CONSTRAINT "OutboundDelivery_pageId_fkey" FOREIGN KEY ("pageId") REFERENCES "Page"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PagingRoute" ADD CONSTRAINT "PagingRoute_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PagingRoute" ADD CONSTRAINT "PagingRoute_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PagingRoute" ADD CONSTRAINT "PagingRoute_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "OutboundChannel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PagingRoute" ADD CONSTRAINT "PagingRoute_escalationTeamId_fkey" FOREIGN KEY ("escalationTeamId") REFERENCES "Team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Page" ADD CONSTRAINT "Page_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Page" ADD CONSTRAINT "Page_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Page" ADD CONSTRAINT "Page_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Page" ADD CONSTRAINT "Page_pagedById_fkey" FOREIGN KEY ("pagedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
