// `vigil link` from a terminal: one person's Azerbaijani, Russian and English spellings end in one
// cluster and other people in their own; every id once; the scored pairs with their reasons; no
// socket opened while names are read; a progress bar only on a terminal; and each bad input —
// file, quoting, column, id, value, size, an output that exists — exit code 2 with the row to
// fix and no file written.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VIGIL, vigil } from './support/cli.ts';
import { FIELDS } from '../src/core/linkage/compare.ts';

const HEADER = 'id,name,other_names,birth_year,city,event_date,notes';
const PEOPLE = [
  'e1,Həsənov Elvin Rəşad oğlu,,1994,Bakı,2026-10-03,first seen at the station',
  'e2,Гасанов Эльвин,,1994,Баку,2026-10-04,',
  'e3,Elvin Hasanov,Elvin Həsənov,,Baku,2026-10-03,"a note, with a comma"',
  'l1,Leyla Məmmədova,,1990,Gəncə,2026-10-10,',
  'l2,Мамедова Лейла,,1990,Гянджа,2026-10-11,',
  'k1,Kamran Quliyev,,1985,Sumqayıt,2026-09-01,',
  'r1,Rəşad Həsənov,,1962,Bakı,2026-10-25,',
  'n1,Nigar Əliyeva,,2001,Bakı,2026-10-20,',
  'x1,,,,,,a person whose name is not known',
];

/**
 * Node refuses every TCP connection, DNS look-up and fetch in the CLI's process: names must not
 * leave it. (A local pipe stays allowed: tsx talks to its own over one.)
 */
const NO_NETWORK = `import net from 'node:net'; import dns from 'node:dns';
const refuse = (what) => { process.stderr.write('NETWORK USED: ' + what + '\\n'); process.exit(99); };
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const options = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (typeof options === 'object' && options && typeof options.path === 'string') return connect.apply(this, args);
  refuse('connect ' + JSON.stringify(options));
};
dns.lookup = () => refuse('dns'); globalThis.fetch = () => refuse('fetch');`;

const parse = (csv: string) => csv.trim().split('\r\n').map((line) => line.split(','));

describe('vigil link', () => {
  let dir: string;
  const path = (name: string) => join(dir, name);
  /** Writes an input file; `text` is the whole file. */
  const input = (name: string, text: string | Buffer) => {
    writeFileSync(path(name), text);
    return path(name);
  };

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'vigil-link-cli-'));
    writeFileSync(path('no-network.mjs'), NO_NETWORK);
    // As Excel saves "CSV UTF-8": a byte-order mark and CRLF line ends.
    input('people.csv', `\uFEFF${[HEADER, ...PEOPLE].join('\r\n')}\r\n`);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('puts one person’s spellings in one cluster and other people in their own, every id once, no socket opened', async () => {
    const result = await vigil(['link', '--in', path('people.csv'), '--out', path('clusters.csv')], '', ['--import', path('no-network.mjs')]);
    assert.equal(result.code, 0, result.stderr);
    const rows = parse(readFileSync(path('clusters.csv'), 'utf8'));
    assert.deepEqual(rows[0], ['id', 'cluster']);
    const clusterOf = new Map(rows.slice(1).map(([id, cluster]) => [id!, cluster!]));
    assert.deepEqual(rows.slice(1).map(([id]) => id), PEOPLE.map((p) => p.split(',')[0]), 'every input id exactly once, in input order');
    assert.deepEqual([clusterOf.get('e1'), clusterOf.get('e2'), clusterOf.get('e3')], ['e1', 'e1', 'e1'], 'Həsənov Elvin Rəşad oğlu = Гасанов Эльвин = Elvin Hasanov, labelled by the first id');
    assert.deepEqual([clusterOf.get('l1'), clusterOf.get('l2')], ['l1', 'l1']);
    for (const alone of ['k1', 'r1', 'n1', 'x1']) assert.equal(clusterOf.get(alone), alone, `${alone} is nobody else`);
    assert.match(result.stderr, /^Linked 9 records: 6 people, 3 records joined to another of the same person; \d+ pairs compared in [\d.]+ s\. Wrote .*clusters\.csv\.\n$/, 'a summary, no progress bar off a terminal');
    assert.equal(result.stdout, '');
  });

  it('writes the scored pairs with each field’s verdict and weight, most likely first', async () => {
    const result = await vigil(['link', '--in', path('people.csv'), '--out', path('clusters-2.csv'), '--pairs', path('pairs.csv')]);
    assert.equal(result.code, 0, result.stderr);
    const [header, ...pairs] = parse(readFileSync(path('pairs.csv'), 'utf8'));
    assert.deepEqual(header, ['id_a', 'id_b', 'probability', 'linked', 'surname', 'surname_weight', 'given', 'given_weight', 'patronymic', 'patronymic_weight', 'birth_year', 'birth_year_weight', 'city', 'city_weight', 'event_date', 'event_date_weight']);
    assert.equal(header!.length, 4 + 2 * FIELDS.length);
    const pairOf = (a: string, b: string) => pairs.find((p) => (p[0] === a && p[1] === b) || (p[0] === b && p[1] === a));
    for (const [a, b] of [['e1', 'e2'], ['e2', 'e3'], ['l1', 'l2']] as const) {
      const pair = pairOf(a, b);
      assert.ok(pair, `${a}–${b} is scored`);
      assert.equal(pair[3], 'yes');
      assert.ok(Number(pair[2]) >= 0.5 && Number(pair[2]) <= 1);
    }
    const eLeyla = pairOf('l1', 'l2')!;
    assert.deepEqual([eLeyla[4], eLeyla[6], eLeyla[10]], ['agrees', 'agrees', 'agrees'], 'surname, given name and birth year agree');
    assert.ok(Number(eLeyla[11]) > 0, 'an agreeing birth year weighs for the pair');
    for (const pair of pairs) {
      assert.equal(pair.length, header!.length);
      assert.ok(Number(pair[2]) >= 0.3, 'pairs from 0.3 on');
      for (let f = 4; f < pair.length; f += 2) assert.match(pair[f]!, /^(agrees|close|disagrees|unknown)$/);
      for (let f = 5; f < pair.length; f += 2) assert.ok(Number.isFinite(Number(pair[f])));
    }
    assert.deepEqual(pairs.map((p) => Number(p[2])), pairs.map((p) => Number(p[2])).sort((x, y) => y - x), 'most likely first');
    assert.ok(!readFileSync(path('pairs.csv'), 'utf8').match(/Elvin|Эльвин|Həsənov/), 'ids and numbers only, no name');
    assert.match(result.stderr, new RegExp(`and ${pairs.length} scored pairs to .*pairs\\.csv\\.\\n$`));
  });

  it('writes every id exactly as the input has it, even one a spreadsheet would take for a formula', async () => {
    const rows = [['-2', PEOPLE[0]!], ['=A1', PEOPLE[1]!], ['+994', PEOPLE[3]!], ['@home', PEOPLE[6]!]].map(([id, row]) => `${id}${row!.slice(row!.indexOf(','))}`);
    const result = await vigil(['link', '--in', input('odd-ids.csv', [HEADER, ...rows].join('\n')), '--out', path('odd-clusters.csv'), '--pairs', path('odd-pairs.csv')]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(readFileSync(path('odd-clusters.csv'), 'utf8'), 'id,cluster\r\n-2,-2\r\n=A1,-2\r\n+994,+994\r\n@home,@home\r\n', 'no apostrophe put before any');
    const [, ...pairs] = parse(readFileSync(path('odd-pairs.csv'), 'utf8'));
    assert.deepEqual(pairs.find((p) => p[3] === 'yes')?.slice(0, 2).sort(), ['-2', '=A1']);
    for (const pair of pairs) assert.ok(['-2', '=A1', '+994', '@home'].includes(pair[0]!) && ['-2', '=A1', '+994', '@home'].includes(pair[1]!), pair.join(','));
  });

  it('draws a progress bar on a terminal', async () => {
    const out = path('clusters-tty.csv');
    // script(1) gives the command a terminal.
    const child = spawn('script', ['-qfec', `${process.execPath} ${VIGIL} link --in ${path('people.csv')} --out ${out}`, '/dev/null'], { env: { ...process.env, LANG: 'C.UTF-8' } });
    let seen = '';
    child.stdout.on('data', (c: Buffer) => (seen += c.toString()));
    assert.equal(await new Promise((resolve) => child.on('close', resolve)), 0, seen);
    assert.match(seen, /\rpreparing +\[[#.]{24}\] +\d+%  0 \/ 9 records/);
    assert.match(seen, /\rclustering/);
    assert.match(seen, /Linked 9 records/);
  });

  it('overwrites an output only with --force', async () => {
    const out = input('kept.csv', 'mine\n');
    const refused = await vigil(['link', '--in', path('people.csv'), '--out', out]);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /kept\.csv exists already\. Give another file, or --force to overwrite it\./);
    assert.equal(readFileSync(out, 'utf8'), 'mine\n');
    const pairsKept = await vigil(['link', '--in', path('people.csv'), '--out', path('new.csv'), '--pairs', out]);
    assert.equal(pairsKept.code, 2);
    assert.ok(!existsSync(path('new.csv')));
    const forced = await vigil(['link', '--in', path('people.csv'), '--out', out, '--force']);
    assert.equal(forced.code, 0, forced.stderr);
    assert.match(readFileSync(out, 'utf8'), /^id,cluster\r\ne1,e1\r\n/);
  });

  describe('refuses bad input with exit code 2, the place to fix, and no file written', () => {
    const cases: { what: string; file?: string | Buffer; args?: string[]; message: RegExp }[] = [
      { what: 'a missing file', args: ['--in', 'nowhere.csv', '--out', 'out.csv'], message: /nowhere\.csv: no such file\. Nothing was written\./ },
      { what: 'a folder for a file', args: ['--in', '.', '--out', 'out.csv'], message: /Cannot read .*vigil-link-cli-\w+ \(EISDIR\)\. Nothing was written\./ },
      { what: 'no --out', args: ['--in', 'people.csv', '--out', ''], message: /link needs --in and --out/ },
      { what: 'the input as output', args: ['--in', 'people.csv', '--out', 'people.csv'], message: /three different files/ },
      { what: 'an empty file', file: '', message: /is empty: it needs a header row/ },
      { what: 'no name column', file: 'id,full_name\n1,Elvin Hasanov\n', message: /the header has no column "name"\. The columns are: id, name \(required\)/ },
      { what: 'no id nor name column', file: 'who\nElvin\n', message: /no column "id" and no column "name"/ },
      { what: 'a column twice', file: 'id,name,Name\n1,a,b\n', message: /the column "name" is in the header twice/ },
      { what: 'semicolons for commas', file: 'id;name\n1;Elvin Hasanov\n', message: /seem separated by ";"\. Save the file as CSV with commas/ },
      { what: 'a quote never closed', file: 'id,name\n1,Elvin\n2,"Leyla Məmmədova\n3,Kamran\n', message: /broken quoting: the CSV ends inside a quoted cell opened on line 3/ },
      { what: 'text after a closing quote', file: 'id,name\n1,"Elvin" Hasanov\n', message: /broken quoting: text after a closing quote on line 2/ },
      { what: 'an unquoted comma in a name', file: 'id,name,birth_year\n1,Elvin,1990\n2,Hasanov, Elvin,1990\n', message: /row 3: the row has 4 cells where the header has 3 \(a comma inside a name needs the cell in quotes\)/ },
      { what: 'a duplicate id', file: 'id,name\n1,Elvin\n2,Leyla\n1,Kamran\n', message: /row 4: the row has the id "1" that row 2 has already; every id must be different/ },
      { what: 'an empty id', file: 'id,name\n1,Elvin\n ,Leyla\n', message: /row 3: the row has no id/ },
      { what: 'a birth year that is not one', file: 'id,name,birth_year\n1,Elvin,1990\n2,Leyla,199O\n', message: /row 3: the row has birth_year "199O", which is not a year \(four digits, e\.g\. 1990; leave it empty when not known\)/ },
      { what: 'a birth year in the future', file: 'id,name,birth_year\n1,Elvin,2990\n', message: /row 2: the row has birth_year "2990"/ },
      { what: 'a day that does not exist', file: 'id,name,event_date\n1,Elvin,2026-02-30\n', message: /row 2: the row has event_date "2026-02-30", which is not a date as YYYY-MM-DD/ },
      { what: 'a day in another format', file: 'id,name,event_date\n1,Elvin,03.10.2026\n', message: /row 2: the row has event_date "03\.10\.2026"/ },
      { what: 'text not in UTF-8', file: Buffer.from([...Buffer.from('id,name\n1,'), 0xc3, 0xe0, 0xf1, 0xe0, 0xed, 0xee, 0xe2, 0x0a]), message: /is not UTF-8 text\. Save it as "CSV UTF-8"/ },
    ];
    for (const c of cases) {
      it(c.what, async () => {
        if (c.file !== undefined) input('bad.csv', c.file);
        const result = await vigil(['link', ...(c.args ?? ['--in', 'bad.csv', '--out', 'out.csv', '--pairs', 'pairs-out.csv'])].map((a) => (a.endsWith('.csv') || a === '.' ? path(a) : a)));
        assert.equal(result.code, 2, result.stderr);
        assert.match(result.stderr, c.message);
        assert.doesNotMatch(result.stderr, /\n\s+at .*:\d+:\d+/, 'no stack trace');
        assert.ok(!readdirSync(dir).some((f) => /^(out|pairs-out)\.csv/.test(f)), 'no output, not even a partial one');
      });
    }

    it(`more than 200,000 rows`, async () => {
      const rows = Array.from({ length: 200_001 }, (_, i) => `p${i},Elvin Hasanov`);
      input('huge.csv', `id,name\n${rows.join('\n')}\n`);
      const result = await vigil(['link', '--in', path('huge.csv'), '--out', path('out.csv')]);
      assert.equal(result.code, 2);
      assert.match(result.stderr, /huge\.csv has more than 200,000 people; vigil link takes at most 200,000 rows\. Nothing was written\./);
      assert.ok(!readdirSync(dir).some((f) => f.startsWith('out.csv')));
    });
  });
});
