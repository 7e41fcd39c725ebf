// The column shapes migrations repeat, as small builders for `createTable(…).$call(…)`: a table's
// key, columns of text that must or may be empty, who made a row and when, a member's row. Each adds
// exactly the columns the migrations wrote out by hand before, in the same order, so the schema
// they make is the same on SQLite and PostgreSQL (scripts/schema-dump.ts shows it).
import type { CreateTableBuilder, Kysely } from 'kysely';
import { columnTypes } from '../dialect.ts';

// Column names are checked by the schema's types (storage/schema.ts), not here.
type Table = CreateTableBuilder<string, any>;

/** Text columns that must be given, in this order. */
export const requiredText =
  (...names: string[]) =>
  (table: Table): Table =>
    names.reduce((t, name) => t.addColumn(name, 'text', (c) => c.notNull()), table);

/** Text columns that may be empty, in this order. */
export const optionalText =
  (...names: string[]) =>
  (table: Table): Table =>
    names.reduce((t, name) => t.addColumn(name, 'text'), table);

/** A text primary key (`id` unless named). */
export const textKey =
  (name = 'id') =>
  (table: Table): Table =>
    table.addColumn(name, 'text', (c) => c.primaryKey());

/** `seq`, a number the database counts up, as the primary key; rows are then named by a unique text `id`. */
export const serialKey =
  (db: Kysely<any>) =>
  (table: Table): Table => {
    const t = columnTypes(db);
    return table.addColumn('seq', t.serial, (c) => c.primaryKey().$call((col) => (t.isSqlite ? col.autoIncrement() : col)));
  };

/** A unique text `id` beside a serial key. */
export const uniqueId = (table: Table): Table => table.addColumn('id', 'text', (c) => c.notNull().unique());

/** Who made a row and when. */
export const created = requiredText('created_at', 'created_by');

/** Who last changed a row and when. */
export const updated = requiredText('updated_at', 'updated_by');

/** The member a row belongs to: gone with the member. */
export const ofMember = (table: Table): Table => table.addColumn('member_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'));

/** An index on one column or several, in order. */
export function createIndex(db: Kysely<any>, name: string, table: string, columns: string | string[]) {
  return db.schema
    .createIndex(name)
    .on(table)
    .columns(typeof columns === 'string' ? [columns] : columns)
    .execute();
}
