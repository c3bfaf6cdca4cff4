-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "statusAutoImpact" BOOLEAN NOT NULL DEFAULT false;
