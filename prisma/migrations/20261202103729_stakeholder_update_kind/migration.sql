-- AlterEnum
ALTER TYPE "EventKind" ADD VALUE 'stakeholder_update';

-- AlterTable
ALTER TABLE "StakeholderUpdate" ADD COLUMN     "reminderSentAt" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "StakeholderUpdate_nextUpdateBy_idx" ON "StakeholderUpdate"("nextUpdateBy");
