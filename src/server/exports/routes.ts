// GET /api/export: the records as CSV or JSON (schema vigil-export/1, docs/export.md), one row per
// act, streamed: rows are read from a cursor and written as the client takes them (Readable.from
// an async generator gives backpressure), so a million rows never sit in the server's memory.
// Identity fields are never read here: for rows whose consent allows naming the person, and only
// for roles that hold the records key, the person's sealed part goes out in the `_identity` column
// for the exporter's client to open. Every export, finished or not, is written to the audit log
// (who, format, field names, filters, rows — never content).
import { Readable } from 'node:stream';
import type { FastifyPluginAsync } from 'fastify';
import { ROLE_KEYS } from '../../core/api/keys.ts';
import { type Role } from '../../core/team/roles.ts';
import { isDay } from '../../core/records/custody.ts';
import { LANGUAGES, type Language } from '../../core/i18n/languages.ts';
import { pickLanguage } from '../../core/i18n/index.ts';
import { EXPORT_FORMATS, IDENTITY_COLUMN, actTypeLabels, parseFieldList, type Cell, type ExportField, type ExportFormat, type ExportLookups } from '../../core/exports/fields.ts';
import { CSV_BOM, csvLine } from '../../core/exports/csv.ts';
import { jsonHead, jsonRow, jsonTail } from '../../core/exports/json.ts';
import { identityCell, nameFormFor } from '../../core/exports/identity.ts';
import type { Labels } from '../../core/records/term.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.ts';
import { HttpError, isUuid } from '../http/errors.ts';
import { audit } from '../audit/log.ts';
import { mergedConsents, type Consent } from '../linkage/consent.ts';
import { actBatches, countActs, openExportReader, type ExportFilters, type StreamedRow } from './query.ts';
import { EVERYONE } from '../../core/team/roles.ts';

/** Rows are written out in pieces of about this many characters. */
const PIECE = 64 * 1024;

export interface ExportRequest {
  format: ExportFormat;
  fields: ExportField[];
  filters: ExportFilters;
  /** As the exporter wrote it (an id or a code like I-0007), for the audit entry. */
  incident: string | null;
  bom: boolean;
  language: Language;
}

/** Labels in the exporter's language; English when they name none (an export often travels). */
const LABEL_LANGUAGES: readonly Language[] = ['en', ...LANGUAGES.filter((l) => l !== 'en')];

const holdsRecordsKey = (role: Role) => ROLE_KEYS[role].includes('records');

/** Checks the query; every refusal is a 4xx before a byte of the export is written. */
async function parseRequest(db: Kysely<Database>, query: Record<string, unknown>, acceptLanguage: string | undefined): Promise<ExportRequest> {
  const text = (name: string): string | undefined => {
    const value = query[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'string') throw new HttpError(400, 'bad-request');
    return value;
  };
  const format = text('format') ?? 'csv';
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw new HttpError(400, 'unknown-choice');
  const fields = parseFieldList(text('fields'));
  if (!fields) throw new HttpError(400, 'unknown-field');
  const day = (name: string): string | null => {
    const value = text(name);
    if (value === undefined || value === '') return null;
    if (!isDay(value)) throw new HttpError(400, 'bad-date');
    return value;
  };
  const [from, to] = [day('from'), day('to')];
  if (from && to && from > to) throw new HttpError(400, 'bad-date');
  const incident = text('incident')?.trim() || null;
  let incidentId: string | null = null;
  if (incident) {
    const code = /^I-(\d{1,9})$/i.exec(incident);
    if (!code && !isUuid(incident)) throw new HttpError(400, 'unknown-reference');
    const row = await (code ? db.selectFrom('incidents').select('id').where('seq', '=', Number(code[1])) : db.selectFrom('incidents').select('id').where('id', '=', incident.toLowerCase())).executeTakeFirst();
    if (!row) throw new HttpError(400, 'unknown-reference');
    incidentId = row.id;
  }
  const bom = text('bom');
  if (bom !== undefined && bom !== '0' && bom !== '1') throw new HttpError(400, 'bad-request');
  return { format: format as ExportFormat, fields, filters: { from, to, incidentId }, incident, bom: bom === '1', language: pickLanguage(text('lang'), acceptLanguage, LABEL_LANGUAGES) };
}

async function lookups(db: Kysely<Database>, language: Language): Promise<ExportLookups> {
  const rows = await db.selectFrom('registry').select(['id', 'kind', 'code', 'labels']).execute();
  const registry = new Map(rows.map((r) => [r.id, { code: r.code, labels: JSON.parse(r.labels) as Labels }]));
  const localTypes = rows.filter((r) => r.kind === 'act-type').map((r) => [r.code, JSON.parse(r.labels) as Labels] as [string, Labels]);
  return { language, registry, actTypes: actTypeLabels(localTypes) };
}

const base64url = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url');

/** The export's text, piece by piece. `progress.rows` counts rows written so far. */
/** `merged`: the most careful consent of people whose records were merged (linkage/consent.ts), which names them. */
async function* exportText(
  batches: AsyncIterable<StreamedRow[]>,
  request: ExportRequest,
  identity: { withIdentity: boolean; merged: Map<string, Consent> },
  look: ExportLookups,
  progress: { rows: number },
): AsyncGenerator<string> {
  const { withIdentity, merged } = identity;
  const names = request.fields.map((f) => f.name);
  const plain = request.fields.map((f) => (f.kind === 'plain' ? f.value! : null));
  const columns = withIdentity ? [...names, IDENTITY_COLUMN] : names;
  const csv = request.format === 'csv';
  let out = csv
    ? `${request.bom ? CSV_BOM : ''}${csvLine(columns)}`
    : jsonHead({
        exportedAt: new Date().toISOString(),
        language: request.language,
        filters: { from: request.filters.from, to: request.filters.to, incident: request.incident },
        fields: names,
      });
  const cells: Cell[] = new Array(columns.length).fill(null);
  for await (const batch of batches) {
    for (const row of batch) {
      for (let i = 0; i < plain.length; i++) cells[i] = plain[i] ? plain[i]!(row, look) : null;
      if (withIdentity) {
        const consent = merged.get(row.p_id) ?? { consentSharing: row.p_consent_sharing, namePreference: row.p_name_preference };
        const form = nameFormFor(consent.consentSharing, consent.namePreference);
        cells[names.length] = form && row.p_key_envelope && row.p_sealed ? identityCell(row.p_id, form, row.p_key_id!, base64url(row.p_key_envelope), base64url(row.p_sealed)) : null;
      }
      out += csv ? csvLine(cells) : jsonRow(columns, cells, progress.rows === 0);
      progress.rows += 1;
    }
    if (out.length >= PIECE) {
      yield out;
      out = '';
    }
  }
  out += csv ? '' : jsonTail(progress.rows, progress.rows === 0);
  if (out) yield out;
}

export const exportRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.vigil.storage;

  // No HEAD twin: it would read (and audit) a whole export only to drop it.
  app.get('/api/export', { exposeHeadRoute: false, config: { access: EVERYONE } }, async (request, reply) => {
    const member = request.member!;
    const parsed = await parseRequest(db, request.query as Record<string, unknown>, request.headers['accept-language']);
    const withIdentity = parsed.fields.some((f) => f.kind === 'identity');
    // Viewers never hold the records key: they cannot open identity, so they may not ask for it.
    if (withIdentity && !holdsRecordsKey(member.role)) throw new HttpError(403, 'forbidden');
    const look = await lookups(db, parsed.language);
    const merged = withIdentity ? await mergedConsents(db) : new Map<string, Consent>();
    const reader = openExportReader(app.vigil);
    let expected: number;
    try {
      expected = await countActs(reader.db, parsed.filters);
    } catch (error) {
      await reader.close();
      throw error;
    }
    const progress = { rows: 0 };
    let complete = false;
    let started = false;
    let finished: Promise<void> | undefined;
    // Once, whether the export finished, the exporter stopped it, or it never began to be read.
    const finish = () =>
      (finished ??= (async () => {
        await reader.close();
        // The rows say how far it went; never what they held.
        await audit(db, {
          actor: member.id,
          action: 'export.made',
          object: null,
          detail: {
            format: parsed.format,
            fields: parsed.fields.map((f) => f.name).join(','),
            from: parsed.filters.from,
            to: parsed.filters.to,
            incident: parsed.filters.incidentId,
            rows: progress.rows,
            complete,
          },
        }).catch((error: unknown) => request.log.error({ err: error }, 'export audit failed'));
      })());
    async function* body(): AsyncGenerator<string> {
      started = true;
      try {
        yield* exportText(actBatches(reader, parsed.filters, withIdentity), parsed, { withIdentity, merged }, look, progress);
        complete = true;
      } finally {
        await finish();
      }
    }
    // A generator that never started does not run its `finally`: close the reader here then.
    reply.raw.once('close', () => {
      if (!started) void finish();
    });
    const day = new Date().toISOString().slice(0, 10);
    reply
      .header('content-type', parsed.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="vigil-export-${day}.${parsed.format}"`)
      .header('x-vigil-export-rows', String(expected))
      .header('x-content-type-options', 'nosniff');
    // Pieces stay strings (object mode, two buffered): the socket encodes them natively, so no 64 KB
    // Buffer is made per piece only to wait for the garbage collector.
    return reply.send(Readable.from(body(), { objectMode: true, highWaterMark: 2 }));
  });
};
