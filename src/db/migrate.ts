import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CYPHER_ROOT, cypher, type Statement } from './cypher';
import type { Database } from './database';

const DIR = join(CYPHER_ROOT, 'migrations');

export interface MigrationFile {
  id: string;
  statements: Statement[];
}

/** Migration files in order; each holds idempotent statements separated by ';'. */
export function migrationFiles(): MigrationFile[] {
  return readdirSync(DIR)
    .filter((f) => /^\d{3}_[\w-]+\.cypher$/.test(f))
    .sort()
    .map((f) => {
      const id = f.replace(/\.cypher$/, '');
      const body = readFileSync(join(DIR, f), 'utf8')
        .split('\n')
        .filter((line) => !line.trimStart().startsWith('//'))
        .join('\n');
      const statements = body
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean)
        .map((text) => ({ file: `migrations/${id}`, text }));
      return { id, statements };
    });
}

/** Runs one migration's statements in order (does not record it). */
export async function runMigration(db: Database, file: MigrationFile): Promise<void> {
  for (const statement of file.statements) {
    // Batched statements (CALL { ... } IN TRANSACTIONS) can only run in their own session.
    if (/\bIN\s+TRANSACTIONS\b/i.test(statement.text)) await db.autoCommit(statement);
    else await db.write(statement, {}, { timeoutMs: 300_000 });
  }
}

/**
 * Applies migrations not yet recorded, in order. Every statement is idempotent, so a run
 * interrupted half-way is simply run again.
 */
export async function migrate(db: Database, log: (m: string) => void = () => undefined): Promise<string[]> {
  const applied = new Set((await db.read(cypher('migration/applied'))).map((r) => String(r.id)));
  const ran: string[] = [];
  for (const file of migrationFiles()) {
    if (applied.has(file.id)) continue;
    await runMigration(db, file);
    await db.write(cypher('migration/record'), { id: file.id });
    log(`migration ${file.id} applied`);
    ran.push(file.id);
  }
  await db.read(cypher('migration/await-indexes'), {}, { timeoutMs: 300_000 });
  return ran;
}
