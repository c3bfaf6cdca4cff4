-- AlterEnum
ALTER TYPE "IntegrationKind" ADD VALUE 'survey';

-- CreateTable
CREATE TABLE "CustomerSignal" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "integrationId" UUID NOT NULL,
    "responseId" TEXT NOT NULL,
    "journey" "Journey",
    "score" DOUBLE PRECISION,
    "comment" TEXT NOT NULL DEFAULT '',
    "answeredAt" TIMESTAMPTZ(3) NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CustomerSignal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CustomerSignal_organizationId_journey_answeredAt_idx" ON "CustomerSignal"("organizationId", "journey", "answeredAt");

-- CreateIndex
CREATE UNIQUE INDEX "CustomerSignal_integrationId_responseId_key" ON "CustomerSignal"("integrationId", "responseId");

-- AddForeignKey
ALTER TABLE "CustomerSignal" ADD CONSTRAINT "CustomerSignal_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerSignal" ADD CONSTRAINT "CustomerSignal_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "Integration"("id") ON DELETE CASCADE ON UPDATE CASCADE;
