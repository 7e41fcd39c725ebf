// Which tables a backup holds and in what order: read from the database itself (both dialects),
// so a table added by a later migration is backed up without a list to forget. Tables come in
// foreign-key order — a row's parents before it — so a restore inserts them as they arrive.
import { sql, type Kysely } from 'kysely';
import type { ColumnKind } from '../../core/backup/values.ts';

/**
 * Not backed up: a seized laptop's session cookie, an unfinished login's challenge or a setup link
 * must not work on the restored server; the backup runs are this server's own (a snapshot would hold
 * its own run as 'running' for ever); running servers, login lockout windows, day claims and spent proofs
 * of work belong to the servers of the moment. Kysely's own migration tables are remade by migrating.
 */
export const NOT_BACKED_UP = new Set(['sessions', 'challenges', 'setup_tokens', 'recovery_challenges', 'backup_runs', 'server_instances', 'login_failures', 'daily_claims', 'pow_spent']);

export interface TableInfo {
  name: string;
  columns: string[];
  kinds: ColumnKind[];
  /** PostgreSQL columns filled by a sequence, which a restore moves past the largest value. */
  serial: string[];
  /** Columns referring to this same table: inserted empty, filled once every row is in. */
  selfReferences: { column: string; referenced: string }[];
}

interface ForeignKey {
  table: string;
  column: string;
  references: string;
  referenced: string;
}

async function foreignKeys(db: Kysely<any>, isSqlite: boolean, tables: string[]): Promise<ForeignKey[]> {
  if (isSqlite) {
    const lists = await Promise.all(
      tables.map(async (table) => {
        const { rows } = await sql<{ table: string; from: string; to: string | null }>`select "table", "from", "to" from pragma_foreign_key_list(${table})`.execute(db);
        return rows.map((r) => ({ table, column: r.from, references: r.table, referenced: r.to ?? 'rowid' }));
      }),
    );
    return lists.flat();
  }
  const { rows } = await sql<ForeignKey>`
    select kcu.table_name as "table", kcu.column_name as "column", ccu.table_name as "references", ccu.column_name as "referenced"
    from information_schema.table_constraints tc
    join information_schema.key_column_usage kcu on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
    join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema
    where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = current_schema()`.execute(db);
  return rows;
}

/** Parents first; among tables free to go, by name, so the order is the same on both databases. */
function inForeignKeyOrder(names: string[], keys: ForeignKey[]): string[] {
  const parents = new Map(names.map((n) => [n, new Set(keys.filter((k) => k.table === n && k.references !== n).map((k) => k.references))]));
  const ordered: string[] = [];
  while (ordered.length < names.length) {
    const ready = names.filter((n) => !ordered.includes(n) && [...parents.get(n)!].every((p) => ordered.includes(p) || !parents.has(p)));
    if (!ready.length) throw new Error(`foreign keys form a cycle among ${names.filter((n) => !ordered.includes(n)).join(', ')}`);
    ordered.push(ready.sort()[0]!);
  }
  return ordered;
}

/** Every table to back up (or restore into), parents first. */
export async function describeTables(db: Kysely<any>, isSqlite: boolean): Promise<TableInfo[]> {
  const tables = (await db.introspection.getTables()).filter((t) => !t.isView && !NOT_BACKED_UP.has(t.name));
  const keys = await foreignKeys(
    db,
    isSqlite,
    tables.map((t) => t.name),
  );
  const byName = new Map(tables.map((t) => [t.name, t]));
  return inForeignKeyOrder([...byName.keys()], keys).map((name) => {
    const columns = byName.get(name)!.columns;
    return {
      name,
      columns: columns.map((c) => c.name),
      kinds: columns.map((c) => (/int/i.test(c.dataType) ? 'integer' : 'other')),
      serial: isSqlite ? [] : columns.filter((c) => c.isAutoIncrementing).map((c) => c.name),
      selfReferences: keys.filter((k) => k.table === name && k.references === name).map((k) => ({ column: k.column, referenced: k.referenced })),
    };
  });
}
