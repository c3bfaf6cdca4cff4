-- CreateEnum
CREATE TYPE "PostmortemStatus" AS ENUM ('draft', 'in_review', 'published');

-- CreateEnum
CREATE TYPE "ReviewState" AS ENUM ('requested', 'approved', 'changes_requested');

-- CreateEnum
CREATE TYPE "ActionItemStatus" AS ENUM ('open', 'in_progress', 'done', 'wont_do');

-- CreateEnum
CREATE TYPE "ActionItemPriority" AS ENUM ('high', 'medium', 'low');

-- CreateEnum
CREATE TYPE "OutboundKind" AS ENUM ('slack', 'teams', 'webhook');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('pending', 'delivered', 'failed');

-- CreateEnum
CREATE TYPE "CustomerJourneyStatus" AS ENUM ('operational', 'degraded', 'partial_outage', 'major_outage');

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "postmortemTemplateDefaults" JSONB NOT NULL DEFAULT '{}';

-- CreateTable
CREATE TABLE "PostmortemTemplate" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "sections" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PostmortemTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Postmortem" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "incidentId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "status" "PostmortemStatus" NOT NULL DEFAULT 'draft',
    "templateKey" TEXT NOT NULL,
    "facts" JSONB NOT NULL,
    "createdById" UUID,
    "publishedRevision" INTEGER NOT NULL DEFAULT 0,
    "publishedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Postmortem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PostmortemSection" (
    "id" UUID NOT NULL,
    "postmortemId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "guidance" TEXT NOT NULL DEFAULT '',
    "body" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" UUID,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PostmortemSection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PostmortemReview" (
    "postmortemId" UUID NOT NULL,
    "reviewerId" UUID NOT NULL,
    "state" "ReviewState" NOT NULL DEFAULT 'requested',
    "comment" TEXT NOT NULL DEFAULT '',
    "decidedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PostmortemReview_pkey" PRIMARY KEY ("postmortemId","reviewerId")
);

-- CreateTable
CREATE TABLE "PostmortemRevision" (
    "id" UUID NOT NULL,
    "postmortemId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "sections" JSONB NOT NULL,
    "publishedById" UUID,
    "publishedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PostmortemRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActionItem" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "postmortemId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "ownerUserId" UUID,
    "ownerTeamId" UUID,
    "dueDate" DATE,
    "priority" "ActionItemPriority" NOT NULL DEFAULT 'medium',
    "status" "ActionItemStatus" NOT NULL DEFAULT 'open',
    "ticketUrl" TEXT,
    "completedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ActionItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboundChannel" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "teamId" UUID,
    "kind" "OutboundKind" NOT NULL,
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "secret" TEXT,
    "events" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "isEnabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "OutboundChannel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboundDelivery" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "channelId" UUID NOT NULL,
    "incidentId" UUID,
    "event" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseUntil" TIMESTAMPTZ(3),
    "lastStatusCode" INTEGER,
    "lastError" TEXT NOT NULL DEFAULT '',
    "deliveredAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboundDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StakeholderUpdate" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "incidentId" UUID NOT NULL,
    "authorId" UUID,
    "affected" TEXT NOT NULL,
    "doing" TEXT NOT NULL,
    "nextUpdateBy" TIMESTAMPTZ(3),
    "isPublic" BOOLEAN NOT NULL DEFAULT false,
    "journeyStatus" JSONB NOT NULL DEFAULT '{}',
    "eventSeq" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StakeholderUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PostmortemTemplate_organizationId_name_key" ON "PostmortemTemplate"("organizationId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Postmortem_incidentId_key" ON "Postmortem"("incidentId");

-- CreateIndex
CREATE INDEX "Postmortem_organizationId_status_idx" ON "Postmortem"("organizationId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "PostmortemSection_postmortemId_key_key" ON "PostmortemSection"("postmortemId", "key");

-- CreateIndex
CREATE INDEX "PostmortemReview_reviewerId_idx" ON "PostmortemReview"("reviewerId");

-- CreateIndex
CREATE UNIQUE INDEX "PostmortemRevision_postmortemId_number_key" ON "PostmortemRevision"("postmortemId", "number");

-- CreateIndex
CREATE INDEX "ActionItem_organizationId_status_dueDate_idx" ON "ActionItem"("organizationId", "status", "dueDate");

-- CreateIndex
CREATE INDEX "ActionItem_postmortemId_idx" ON "ActionItem"("postmortemId");

-- CreateIndex
CREATE INDEX "OutboundChannel_teamId_idx" ON "OutboundChannel"("teamId");

-- CreateIndex
CREATE UNIQUE INDEX "OutboundChannel_organizationId_name_key" ON "OutboundChannel"("organizationId", "name");

-- CreateIndex
CREATE INDEX "OutboundDelivery_status_nextAttemptAt_idx" ON "OutboundDelivery"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "OutboundDelivery_organizationId_createdAt_idx" ON "OutboundDelivery"("organizationId", "createdAt");

-- CreateIndex
CREATE INDEX "OutboundDelivery_channelId_idx" ON "OutboundDelivery"("channelId");

-- CreateIndex
CREATE INDEX "OutboundDelivery_incidentId_idx" ON "OutboundDelivery"("incidentId");

-- CreateIndex
CREATE INDEX "StakeholderUpdate_incidentId_createdAt_idx" ON "StakeholderUpdate"("incidentId", "createdAt");

-- CreateIndex
CREATE INDEX "StakeholderUpdate_organizationId_isPublic_createdAt_idx" ON "StakeholderUpdate"("organizationId", "isPublic", "createdAt");

-- AddForeignKey
ALTER TABLE "PostmortemTemplate" ADD CONSTRAINT "PostmortemTemplate_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Postmortem" ADD CONSTRAINT "Postmortem_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Postmortem" ADD CONSTRAINT "Postmortem_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Postmortem" ADD CONSTRAINT "Postmortem_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PostmortemSection" ADD CONSTRAINT "PostmortemSection_postmortemId_fkey" FOREIGN KEY ("postmortemId") REFERENCES "Postmortem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PostmortemSection" ADD CONSTRAINT "PostmortemSection_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PostmortemReview" ADD CONSTRAINT "PostmortemReview_postmortemId_fkey" FOREIGN KEY ("postmortemId") REFERENCES "Postmortem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PostmortemReview" ADD CONSTRAINT "PostmortemReview_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PostmortemRevision" ADD CONSTRAINT "PostmortemRevision_postmortemId_fkey" FOREIGN KEY ("postmortemId") REFERENCES "Postmortem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PostmortemRevision" ADD CONSTRAINT "PostmortemRevision_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionItem" ADD CONSTRAINT "ActionItem_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionItem" ADD CONSTRAINT "ActionItem_postmortemId_fkey" FOREIGN KEY ("postmortemId") REFERENCES "Postmortem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionItem" ADD CONSTRAINT "ActionItem_ownerUserId_fkey" FOREIGN KEY ("ownerUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionItem" ADD CONSTRAINT "ActionItem_ownerTeamId_fkey" FOREIGN KEY ("ownerTeamId") REFERENCES "Team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboundChannel" ADD CONSTRAINT "OutboundChannel_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboundChannel" ADD CONSTRAINT "OutboundChannel_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboundDelivery" ADD CONSTRAINT "OutboundDelivery_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboundDelivery" ADD CONSTRAINT "OutboundDelivery_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "OutboundChannel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboundDelivery" ADD CONSTRAINT "OutboundDelivery_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StakeholderUpdate" ADD CONSTRAINT "StakeholderUpdate_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StakeholderUpdate" ADD CONSTRAINT "StakeholderUpdate_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StakeholderUpdate" ADD CONSTRAINT "StakeholderUpdate_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
