import type { TestProject } from 'vitest/node';
import { startPostgres, type Postgres } from '../helpers/postgres';

declare module 'vitest' {
	export interface ProvidedContext {
		postgresUrl: string;
	}
}

let postgres: Postgres | null = null;

/**
 * One throwaway PostgreSQL cluster for the whole integration run (TEST_DATABASE_URL
 * points at an existing one instead). Tests create their own databases on it.
 */
export async function setup(project: TestProject): Promise<void> {
	const existing = process.env.TEST_DATABASE_URL;
	if (existing) {
		project.provide('postgresUrl', existing);
		return;
	}
	postgres = await startPostgres();
	project.provide('postgresUrl', postgres.url);
}

export async function teardown(): Promise<void> {
	postgres?.stop();
}
