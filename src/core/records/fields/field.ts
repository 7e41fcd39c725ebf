// What a field table says of each field of a record type, and what the rest of Vigil derives from
// it: the request schema, the storage columns (each field's column is its name in snake_case, as
// src/server/records/plain.ts maps every plain column), the export columns and the partner bundle's
// shape. A field is declared once, in its record type's table (detention.ts): adding one is a line
// there, a migration and its words.
import * as z from 'zod';
import type { Term } from '../vocabulary.ts';
import { isDay } from '../custody.ts';

export const id = z.uuid();
export const day = z.string().refine(isDay, 'a calendar day, YYYY-MM-DD');

/** The registry kinds a field may refer to by id; exports and bundles carry the entry's code instead. */
export type RegistryRef = 'place' | 'provision';

/** How the workspace's form asks for a field; its label is the words key of the field's name. */
export type Input =
  | { input: 'choice'; terms: readonly Term[] }
  | { input: 'registry' }
  | { input: 'date' | 'number' | 'text'; /** Words key `<name>Hint` under the input. */ hint?: true };

/**
 * How a field appears in an export: its value as stored; a number; a registry entry's code (the
 * field's name without "Id": legalProvisionId → arrest.legalProvision); or the code and, beside it,
 * the entry's label in the exporter's language (heldAt → arrest.heldAt, arrest.heldAtLabel).
 */
export type Exported = 'value' | 'number' | 'code' | 'code and label';

/**
 * One plain field: the server stores it readable, because it filters, sorts or counts it
 * (docs/data-model.md). A record type whose table has sealed fields seals them in its `secret` part;
 * none of a detention's is sealed.
 */
export interface PlainField {
  schema: z.ZodType;
  /** Worked out by the server from the others (never sent by a client, never carried in a bundle). */
  computed?: true;
  registry?: RegistryRef;
  /** The form's input; `when` shows it only for some values of the record. */
  editor?: Input & { when?: (record: Record<string, unknown>) => boolean };
  exported?: Exported;
  /** Carried in a partner bundle (a registry reference by its code). */
  bundled?: true;
}
export type FieldTable = Readonly<Record<string, PlainField>>;

export const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
export type Snake<S extends string> = S extends `${infer H}${infer T}` ? `${H extends Lowercase<H> ? H : `_${Lowercase<H>}`}${Snake<T>}` : S;

/** A registry reference's name as codes travel: legalProvisionId → legalProvision. */
export const codeName = (name: string) => name.replace(/Id$/, '');
type CodeName<S extends string> = S extends `${infer B}Id` ? B : S;

type InputNames<F extends FieldTable> = { [K in keyof F & string]: F[K] extends { computed: true } ? never : K }[keyof F & string];
type BundledNames<F extends FieldTable> = { [K in keyof F & string]: F[K] extends { bundled: true } ? K : never }[keyof F & string];

/** The fields a client sends, in table order. */
export const inputFields = (table: FieldTable) => Object.entries(table).filter(([, f]) => !f.computed);

/** The request schema of a table's fields (what a client sends: every field but the computed ones). */
export function inputSchema<F extends FieldTable>(table: F) {
  return z.object(Object.fromEntries(inputFields(table).map(([name, f]) => [name, f.schema]))) as unknown as z.ZodObject<{ [K in InputNames<F>]: F[K]['schema'] }>;
}

/** The bundle's schema of a table's fields: registry references as codes (`code`). */
export function bundleSchema<F extends FieldTable, C extends z.ZodType>(table: F, code: C) {
  const shape = Object.entries(table)
    .filter(([, f]) => f.bundled)
    .map(([name, f]) => (f.registry ? [codeName(name), code.nullable()] : [name, f.schema]));
  return z.object(Object.fromEntries(shape)) as unknown as z.ZodObject<{
    [K in BundledNames<F> as F[K] extends { registry: RegistryRef } ? CodeName<K> : K]: F[K] extends { registry: RegistryRef } ? z.ZodNullable<C> : F[K]['schema'];
  }>;
}

/** The ids a record's fields name of one registry kind (the server checks that each exists). */
export function registryIds(table: FieldTable, record: object, kind: RegistryRef): (string | null)[] {
  return Object.entries(table)
    .filter(([, f]) => f.registry === kind)
    .map(([name]) => ((record as Record<string, unknown>)[name] as string | null | undefined) ?? null);
}

/** A bundle's fields from a record's (registry ids to codes by `codeOf`), in table order. */
export function toBundle(table: FieldTable, record: Record<string, unknown>, codeOf: (id: string | null) => string | null): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, f] of Object.entries(table)) {
    if (!f.bundled) continue;
    if (f.registry) out[codeName(name)] = codeOf((record[name] as string | null | undefined) ?? null);
    else out[name] = record[name];
  }
  return out;
}

/** A record's input fields from a bundle's (codes back to this organization's registry ids by `idOf`). */
export function fromBundle(table: FieldTable, bundled: Record<string, unknown>, idOf: (kind: RegistryRef, code: string | null) => string | null): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, f] of inputFields(table)) {
    if (f.registry) out[name] = idOf(f.registry, (bundled[codeName(name)] as string | null | undefined) ?? null);
    else out[name] = f.bundled ? bundled[name] : null;
  }
  return out;
}

/** Stored values as the database holds them: a choice is a string column, a count a number. */
type Stored<T> = T extends string ? string : T extends number ? number : T;
/** A table's columns and their types (storage/schema.ts builds the row type from it). */
export type ColumnsOf<F extends FieldTable> = { [K in keyof F & string as Snake<K>]: Stored<z.output<F[K]['schema']>> };

/** A record's fields as columns, in table order (fields the record lacks are left out). */
export function toColumns(table: FieldTable, record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(table)) if (name in record) out[snake(name)] = record[name];
  return out;
}
