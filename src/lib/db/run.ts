import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';

/** One parameterised query (a prepared statement, closed after use), its rows as plain objects. */
export async function run<T>(conn: AsyncDuckDBConnection, sql: string, params: unknown[] = []): Promise<T[]> {
	const stmt = await conn.prepare(sql);
	try {
		const table = await stmt.query(...params);
		return table.toArray().map((r) => r.toJSON() as T);
	} finally {
		await stmt.close();
	}
}
