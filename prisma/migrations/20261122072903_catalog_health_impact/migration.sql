-- CreateEnum
CREATE TYPE "ServiceHealth" AS ENUM ('unknown', 'ok', 'degraded', 'down');

-- CreateEnum
CREATE TYPE "ApiTokenScope" AS ENUM ('read', 'write', 'admin');

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "currency" TEXT NOT NULL DEFAULT 'USD',
ADD COLUMN     "hourlyProfile" DOUBLE PRECISION[] DEFAULT ARRAY[]::DOUBLE PRECISION[],
ADD COLUMN     "responderHourlyRate" DOUBLE PRECISION NOT NULL DEFAULT 100,
ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'UTC';

-- AlterTable
ALTER TABLE "Service" ADD COLUMN     "health" "ServiceHealth" NOT NULL DEFAULT 'unknown',
ADD COLUMN     "healthCheckUrl" TEXT,
ADD COLUMN     "healthCheckedAt" TIMESTAMPTZ(3),
ADD COLUMN     "healthFailures" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "healthMessage" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "healthNextCheckAt" TIMESTAMPTZ(3),
ADD COLUMN     "runbookUrl" TEXT,
ADD COLUMN     "system" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "description" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "escalationContact" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "onCall" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "TeamMember" (
    "teamId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "addedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TeamMember_pkey" PRIMARY KEY ("teamId","userId")
);

-- CreateTable
CREATE TABLE "JourneyBaseline" (
    "organizationId" UUID NOT NULL,
    "journey" "Journey" NOT NULL,
    "revenuePerMinute" DOUBLE PRECISION NOT NULL,
    "ordersPerMinute" DOUBLE PRECISION NOT NULL,
    "customersPerMinute" DOUBLE PRECISION NOT NULL,
    "conversionWeight" DOUBLE PRECISION NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "JourneyBaseline_pkey" PRIMARY KEY ("organizationId","journey")
);

-- CreateTable
CREATE TABLE "PeakWindow" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "multiplier" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "PeakWindow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IncidentImpactChange" (
    "id" UUID NOT NULL,
    "incidentId" UUID NOT NULL,
    "journey" "Journey" NOT NULL,
    "degradation" INTEGER NOT NULL,
    "effectiveAt" TIMESTAMPTZ(3) NOT NULL,
    "failedCheckouts" INTEGER,
    "errorRate" DOUBLE PRECISION,
    "supportTickets" INTEGER,
    "surveyResponses" INTEGER,
    "authorId" UUID,
    "eventSeq" INTEGER,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IncidentImpactChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "scope" "ApiTokenScope" NOT NULL,
    "prefix" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "lastUsedAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TeamMember_userId_idx" ON "TeamMember"("userId");

-- CreateIndex
CREATE INDEX "PeakWindow_organizationId_startsAt_idx" ON "PeakWindow"("organizationId", "startsAt");

-- CreateIndex
CREATE INDEX "IncidentImpactChange_incidentId_journey_effectiveAt_idx" ON "IncidentImpactChange"("incidentId", "journey", "effectiveAt");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_organizationId_idx" ON "ApiToken"("organizationId");

-- AddForeignKey
ALTER TABLE "TeamMember" ADD CONSTRAINT "TeamMember_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamMember" ADD CONSTRAINT "TeamMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JourneyBaseline" ADD CONSTRAINT "JourneyBaseline_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PeakWindow" ADD CONSTRAINT "PeakWindow_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentImpactChange" ADD CONSTRAINT "IncidentImpactChange_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentImpactChange" ADD CONSTRAINT "IncidentImpactChange_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
