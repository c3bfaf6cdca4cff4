import type { TestProject } from "vitest/node";
import { prepareTemplate, type TemplateRef } from "../helpers/template-database.ts";

declare module "vitest" {
  export interface ProvidedContext {
    databaseTemplate: TemplateRef;
  }
}

/** Migrates one template database for the run; test files clone it (tests/helpers/test-database.ts). */
export default async function setup(project: TestProject): Promise<void> {
  project.provide("databaseTemplate", await prepareTemplate(process.env.TEST_DATABASE_URL || undefined));
}
