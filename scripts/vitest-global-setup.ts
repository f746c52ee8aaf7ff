import type { TestProject } from "vitest/node";
import { startPgServer, type PgServer } from "./pg-server";

let server: PgServer | undefined;

/** One real PostgreSQL server for the whole vitest run, unless the caller gave one. */
export async function setup(project: TestProject) {
  let adminUrl = process.env.TEST_PG_ADMIN_URL;
  if (!adminUrl) {
    server = await startPgServer();
    adminUrl = server.url();
  }
  project.provide("pgAdminUrl", adminUrl);
}

export async function teardown() {
  await server?.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}
