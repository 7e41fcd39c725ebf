// Issue 4: structured records (HURIDOCS ESF): incidents, people, acts, detentions, perpetrator
// involvement, sources, interventions, and the registries the team keeps. Columns the server
// must filter, sort or count are plain (codes, dates, statuses, place ids); what a person could be
// recognised by or said is in `sealed`: fields encrypted in the browser under a per-record key,
// which travels sealed (HPKE) to the organization's records key in `key_envelope`.
// docs/data-model.md gives the policy field by field.
import type { Kysely } from 'kysely';
import { columnTypes } from '../dialect.ts';

type Builder = ReturnType<Kysely<unknown>['schema']['createTable']>;

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  // The organization's keys now have a purpose: 'intake' (reports) or 'records'.
  await db.schema.alterTable('intake_keys').addColumn('purpose', 'text', (c) => c.notNull().defaultTo('intake')).execute();

  const serial = (b: Builder) => b.addColumn('seq', t.serial, (c) => c.primaryKey().$call((col) => (t.isSqlite ? col.autoIncrement() : col)));
  /** What every record has: its sealed part, a version for history and concurrent edits, who and when. */
  const recordColumns = (b: Builder) =>
    b
      .addColumn('id', 'text', (c) => c.notNull().unique())
      .addColumn('key_id', 'text', (c) => c.notNull())
      .addColumn('key_envelope', t.bytes, (c) => c.notNull())
      .addColumn('sealed', t.bytes, (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull());
  const partialDate = (b: Builder, name: string) => b.addColumn(name, 'text').addColumn(`${name}_precision`, 'text', (c) => c.notNull().defaultTo('unknown'));

  // Places, perpetrator units, legal provisions and local act types. Public institutions and
  // laws: plain, with labels in every language.
  await db.schema
    .createTable('registry')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('labels', 'text', (c) => c.notNull())
    .addColumn('place_kind', 'text')
    .addColumn('appeal_days', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addUniqueConstraint('registry_kind_code', ['kind', 'code'])
    .execute();

  await recordColumns(partialDate(partialDate(serial(db.schema.createTable('incidents')), 'date_start'), 'date_end'))
    .addColumn('place_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('monitoring_status', 'text', (c) => c.notNull())
    .execute();

  await recordColumns(serial(db.schema.createTable('persons')))
    .addColumn('counting_unit', 'text', (c) => c.notNull())
    .addColumn('group_size', 'integer')
    .addColumn('age_range', 'text', (c) => c.notNull())
    .addColumn('consent_sharing', 'text', (c) => c.notNull())
    .addColumn('name_preference', 'text', (c) => c.notNull())
    .addColumn('reprisal_risk', 'text', (c) => c.notNull())
    .addColumn('consent_recorded_by', 'text')
    .addColumn('consent_recorded_at', 'text')
    .execute();

  await recordColumns(partialDate(partialDate(serial(db.schema.createTable('acts')), 'date_start'), 'date_end'))
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
    .addColumn('type_code', 'text', (c) => c.notNull())
    .addColumn('place_id', 'text')
    .execute();
  await db.schema.createIndex('acts_incident').on('acts').column('incident_id').execute();
  await db.schema.createIndex('acts_person').on('acts').column('person_id').execute();
  await db.schema.createIndex('acts_type').on('acts').columns(['type_code', 'date_start']).execute();

  // A detention extends an act (ESF Arrest). expected_release is computed (src/core/records/custody.ts)
  // and stored so the server can sort the currently-held board and count.
  await db.schema
    .createTable('detentions')
    .addColumn('act_id', 'text', (c) => c.primaryKey().references('acts.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('held_at', 'text')
    .addColumn('custody_start', 'text')
    .addColumn('lawyer_access', 'text', (c) => c.notNull())
    .addColumn('family_access', 'text', (c) => c.notNull())
    .addColumn('legal_provision_id', 'text')
    .addColumn('court_id', 'text')
    .addColumn('hearing_date', 'text')
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('decision_date', 'text')
    .addColumn('fine_amount', 'integer')
    .addColumn('detention_days', 'integer')
    .addColumn('sentence_start', 'text')
    .addColumn('expected_release', 'text')
    .addColumn('appeal_deadline', 'text')
    .addColumn('released_on', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('detentions_status').on('detentions').columns(['status', 'expected_release']).execute();

  await db.schema
    .createTable('transfers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('act_id', 'text', (c) => c.notNull().references('acts.id'))
    .addColumn('from_place_id', 'text')
    .addColumn('to_place_id', 'text', (c) => c.notNull())
    .addColumn('on_day', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('transfers_act').on('transfers').column('act_id').execute();

  await recordColumns(serial(db.schema.createTable('involvements')))
    .addColumn('act_id', 'text', (c) => c.notNull().references('acts.id'))
    .addColumn('unit_id', 'text')
    .addColumn('perpetrator_type', 'text', (c) => c.notNull())
    .addColumn('degree', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('involvements_act').on('involvements').column('act_id').execute();

  // ESF Information: a source of a fact about an incident, person or act. A report of the
  // inbox is linked by id; other sources are described in the sealed part.
  await recordColumns(serial(db.schema.createTable('sources')))
    .addColumn('target_type', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('report_id', 'text')
    .addColumn('connection', 'text', (c) => c.notNull())
    .addColumn('reliability', 'text', (c) => c.notNull())
    .addColumn('credibility', 'text', (c) => c.notNull())
    .addColumn('source_date', 'text')
    .execute();
  await db.schema.createIndex('sources_target').on('sources').columns(['target_type', 'target_id']).execute();

  await recordColumns(serial(db.schema.createTable('interventions')))
    .addColumn('incident_id', 'text')
    .addColumn('person_id', 'text')
    .addColumn('act_id', 'text')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('on_day', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text')
    .execute();
  await db.schema.createIndex('interventions_due').on('interventions').columns(['status', 'due_on']).execute();

  // Every version of every record, append-only: the plain columns as JSON and the sealed part as
  // it was. "Who changed what" is read by opening two versions in the browser.
  await db.schema
    .createTable('record_versions')
    .addColumn('record_type', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'text', (c) => c.notNull())
    .addColumn('plain', 'text', (c) => c.notNull())
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
