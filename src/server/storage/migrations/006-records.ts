// Issue 4: structured records (HURIDOCS ESF): incidents, people, acts, detentions, perpetrator
// involvement, sources, interventions, and the registries the team keeps. Columns the server
// must filter, sort or count are plain (codes, dates, statuses, place ids); what a person could be
// recognised by or said is in `sealed`: fields encrypted in the browser under a per-record key,
// which travels sealed (HPKE) to the organization's records key in `key_envelope`.
// docs/data-model.md gives the policy field by field.
import type { Kysely } from 'kysely';
import { columnTypes } from '../dialect.ts';
import { created, createIndex, optionalText, requiredText, serialKey, textKey, updated } from './shape.ts';

type Builder = ReturnType<Kysely<unknown>['schema']['createTable']>;

export async function up(db: Kysely<unknown>): Promise<void> {
  // The organization's keys now have a purpose: 'intake' (reports) or 'records'.
  await db.schema.alterTable('intake_keys').addColumn('purpose', 'text', (c) => c.notNull().defaultTo('intake')).execute();
  await createRegistry(db);
  await createIncidentsPersonsActs(db);
  await createCustody(db);
  await createActDetails(db);
  await createRecordVersions(db);
}

/** What every record has: a serial key, its sealed part, a version for history and concurrent edits, who and when. */
function recordTable(db: Kysely<unknown>, name: string, ...partialDates: string[]): Builder {
  const t = columnTypes(db);
  return partialDates
    .reduce((b, date) => b.addColumn(date, 'text').addColumn(`${date}_precision`, 'text', (c) => c.notNull().defaultTo('unknown')), db.schema.createTable(name).$call(serialKey(db)))
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .$call(requiredText('key_id'))
    .addColumn('key_envelope', t.bytes, (c) => c.notNull())
    .addColumn('sealed', t.bytes, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .$call(created)
    .$call(updated);
}

// Places, perpetrator units, legal provisions and local act types. Public institutions and
// laws: plain, with labels in every language.
async function createRegistry(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('registry')
    .$call(textKey())
    .$call(requiredText('kind', 'code', 'labels'))
    .$call(optionalText('place_kind'))
    .addColumn('appeal_days', 'integer')
    .$call(created)
    .addUniqueConstraint('registry_kind_code', ['kind', 'code'])
    .execute();
}

async function createIncidentsPersonsActs(db: Kysely<unknown>): Promise<void> {
  await recordTable(db, 'incidents', 'date_start', 'date_end')
    .addColumn('place_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .$call(requiredText('monitoring_status'))
    .execute();

  await recordTable(db, 'persons')
    .$call(requiredText('counting_unit'))
    .addColumn('group_size', 'integer')
    .$call(requiredText('age_range', 'consent_sharing', 'name_preference', 'reprisal_risk'))
    .$call(optionalText('consent_recorded_by', 'consent_recorded_at'))
    .execute();

  await recordTable(db, 'acts', 'date_start', 'date_end')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
    .$call(requiredText('type_code'))
    .$call(optionalText('place_id'))
    .execute();
  await createIndex(db, 'acts_incident', 'acts', 'incident_id');
  await createIndex(db, 'acts_person', 'acts', 'person_id');
  await createIndex(db, 'acts_type', 'acts', ['type_code', 'date_start']);
}

// A detention extends an act (ESF Arrest). expected_release is computed (src/core/records/custody.ts)
// and stored so the server can sort the currently-held board and count. Transfers move it between places.
async function createCustody(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('detentions')
    .addColumn('act_id', 'text', (c) => c.primaryKey().references('acts.id'))
    .$call(requiredText('status'))
    .$call(optionalText('held_at', 'custody_start'))
    .$call(requiredText('lawyer_access', 'family_access'))
    .$call(optionalText('legal_provision_id', 'court_id', 'hearing_date'))
    .$call(requiredText('decision'))
    .$call(optionalText('decision_date'))
    .addColumn('fine_amount', 'integer')
    .addColumn('detention_days', 'integer')
    .$call(optionalText('sentence_start', 'expected_release', 'appeal_deadline', 'released_on'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .$call(updated)
    .execute();
  await createIndex(db, 'detentions_status', 'detentions', ['status', 'expected_release']);

  await db.schema
    .createTable('transfers')
    .$call(textKey())
    .addColumn('act_id', 'text', (c) => c.notNull().references('acts.id'))
    .$call(optionalText('from_place_id'))
    .$call(requiredText('to_place_id', 'on_day'))
    .$call(created)
    .execute();
  await createIndex(db, 'transfers_act', 'transfers', 'act_id');
}

// Perpetrators' involvement in an act, the sources of what is known, and what the team did about it.
async function createActDetails(db: Kysely<unknown>): Promise<void> {
  await recordTable(db, 'involvements')
    .addColumn('act_id', 'text', (c) => c.notNull().references('acts.id'))
    .$call(optionalText('unit_id'))
    .$call(requiredText('perpetrator_type', 'degree'))
    .execute();
  await createIndex(db, 'involvements_act', 'involvements', 'act_id');

  // ESF Information: a source of a fact about an incident, person or act. A report of the
  // inbox is linked by id; other sources are described in the sealed part.
  await recordTable(db, 'sources')
    .$call(requiredText('target_type', 'target_id'))
    .$call(optionalText('report_id'))
    .$call(requiredText('connection', 'reliability', 'credibility'))
    .$call(optionalText('source_date'))
    .execute();
  await createIndex(db, 'sources_target', 'sources', ['target_type', 'target_id']);

  await recordTable(db, 'interventions')
    .$call(optionalText('incident_id', 'person_id', 'act_id'))
    .$call(requiredText('type'))
    .$call(optionalText('on_day'))
    .$call(requiredText('status', 'priority'))
    .$call(optionalText('due_on'))
    .execute();
  await createIndex(db, 'interventions_due', 'interventions', ['status', 'due_on']);
}

// Every version of every record, append-only: the plain columns as JSON and the sealed part as
// it was. "Who changed what" is read by opening two versions in the browser.
async function createRecordVersions(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('record_versions')
    .$call(requiredText('record_type', 'record_id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .$call(requiredText('changed_at', 'changed_by', 'plain'))
    .addColumn('key_envelope', t.bytes)
    .addColumn('sealed', t.bytes)
    .addPrimaryKeyConstraint('record_versions_pk', ['record_type', 'record_id', 'version'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['record_versions', 'interventions', 'sources', 'involvements', 'transfers', 'detentions', 'acts', 'persons', 'incidents', 'registry']) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable('intake_keys').dropColumn('purpose').execute();
}
