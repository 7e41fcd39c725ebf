// The capture histories behind an estimate (issue 12), through the API on SQLite and PostgreSQL:
// coordinators and administrators only; counts per pattern of the chosen channels equal the seeded
// records (a merge: the merged record's repeated act and sources count for the survivor, who counts
// once; a partner's bundle: its channel, through provenance on a merged record), by period and
// stratum; groups counted apart; sources about whole incidents of the stratum counted apart, in the
// chosen channels only; every malformed request a 400 in the reader's language.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { BACKENDS } from './support/backends.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { organizationWithTeam, type LoggedIn } from './support/org.ts';
import { DETENTION, INCIDENT_SOURCES, NOVEMBER, seedEstimate, type EstimateSeed } from './support/estimate.ts';
import { historiesFromPeople } from '../src/core/estimate/histories.ts';
import type { HistoriesView } from '../src/core/estimate/request.ts';
import { errorWords } from '../src/core/i18n/error-words.ts';

type Name = keyof EstimateSeed['channels'];
type IncidentName = keyof EstimateSeed['incidents'];

for (const backend of BACKENDS) {
  describe(`estimate histories on ${backend}`, () => {
    let server: TestServer;
    let admin: LoggedIn;
    let coordinator: LoggedIn;
    let documenter: LoggedIn;
    let viewer: LoggedIn;
    let seed: EstimateSeed;

    before(async () => {
      server = await startTestServer(backend);
      ({ admin, coordinator, documenter, viewer } = await organizationWithTeam(server));
      seed = await seedEstimate(server, coordinator, admin);
    });
    after(async () => {
      await server?.close();
    });

    const path = (names: Name[], filter = '') => `/api/estimate/histories?channels=${names.map((n) => seed.channels[n]).join(',')}${filter}`;
    async function histories(names: Name[], filter = '', as = coordinator): Promise<HistoriesView> {
      const response = await as.get(path(names, filter));
      assert.equal(response.status, 200, await response.clone().text());
      return (await response.json()) as HistoriesView;
    }
    /**
     * What the answer must be: people as sets of channel names, those on none of `names` left out;
     * the incidents of the stratum, whose sources in `names` are counted apart.
     */
    function expected(names: Name[], people: Name[][], groups: number, incidents: IncidentName[]): HistoriesView {
      const seen = people.map((p) => p.filter((n) => names.includes(n)).map((n) => names.indexOf(n))).filter((lists) => lists.length > 0);
      const counts = [...historiesFromPeople(names.length, seen).counts];
      const incidentSources = incidents.flatMap((i) => INCIDENT_SOURCES[i]).filter((n) => n !== null && names.includes(n)).length;
      return { channels: names.map((n) => seed.channels[n]), counts, documented: people.length, onNoList: people.length - seen.length, groups, incidentSources };
    }
    const EVERY: IncidentName[] = ['i1', 'i2', 'i3'];
    const ALL: Name[] = ['form', 'lawyers', 'media', 'partner'];
    const NOV = '&from=2026-11-01&to=2026-11-30';

    it('counts the people of November by the channels that saw them, for coordinators and administrators', async () => {
      const answer = await histories(ALL, NOV);
      assert.deepEqual(answer, expected(ALL, NOVEMBER, 1, EVERY));
      // Spelled out once: P1 form+lawyers (3), P2 media (4), P3 lawyers (2), P5 form (1), P6 all three (7), P7 lawyers+partner (10).
      assert.deepEqual(answer.counts, [0, 1, 1, 1, 1, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0]);
      assert.equal(answer.documented, 7);
      assert.equal(answer.onNoList, 1);
      // I1's in the form and the lawyers' channels, I2's in media's; not I1's of no channel, nor I3's in the night line's.
      assert.equal(answer.incidentSources, 3);
      assert.deepEqual(await histories(ALL, NOV, admin), answer);
    });

    it('gives the lists in the order asked', async () => {
      const order: Name[] = ['partner', 'media', 'form'];
      assert.deepEqual(await histories(order, NOV), expected(order, NOVEMBER, 1, EVERY));
    });

    it('without a period, every dated and undated act counts (P5 was also seen by media in October)', async () => {
      const always = NOVEMBER.map((p, i) => (i === 4 ? [...p, 'media' as Name] : p));
      assert.deepEqual(await histories(ALL), expected(ALL, always, 1, EVERY));
      assert.deepEqual(await histories(ALL, '&from=2026-11-01&to=2026-11-03'), expected(ALL, [NOVEMBER[0]!, NOVEMBER[1]!], 1, ['i1']));
      assert.deepEqual(await histories(ALL, '&from=2026-12-01'), expected(ALL, [], 0, []));
    });

    it('narrows to an incident, a place (the act’s or its incident’s) and an act type', async () => {
      const [p1, p2, p3, p4, , p6, p7] = NOVEMBER as [Name[], Name[], Name[], Name[], Name[], Name[], Name[]];
      assert.deepEqual(await histories(ALL, `&incident=${seed.incidents.i1.id}`), expected(ALL, [p1, p2, p4, p6], 1, ['i1']));
      // P7's own act is in I3; the partner saw P7 through the imported person merged into P7.
      assert.deepEqual(await histories(ALL, `&incident=${seed.incidents.i3.id}`), expected(ALL, [p7], 0, ['i3']));
      assert.deepEqual(await histories(['lawyers', 'hotline'], `&incident=${seed.incidents.i3.id}`), expected(['lawyers', 'hotline'], [p7], 0, ['i3']));
      assert.deepEqual(await histories(ALL, `&place=${seed.places.a}${NOV}`), expected(ALL, [p1, p2, p3, p4, p6], 1, ['i1', 'i2']));
      assert.deepEqual(await histories(ALL, `&actType=${DETENTION}`), expected(ALL, [p3, p7], 0, ['i2', 'i3']));
      assert.deepEqual(await histories(ALL, `&place=${randomUUID()}`), expected(ALL, [], 0, []));
      assert.deepEqual(await histories(ALL, `&place=${seed.places.a.toUpperCase()}${NOV}`), await histories(ALL, `&place=${seed.places.a}${NOV}`), 'an id in capitals is the same place');
    });

    it('refuses documenters and viewers', async () => {
      for (const member of [documenter, viewer]) assert.equal((await member.get(path(ALL))).status, 403);
    });

    it('answers every malformed request with a 400 that says what is wrong, in the reader’s language', async () => {
      const c = seed.channels;
      const nine = Array.from({ length: 9 }, () => randomUUID()).join(',');
      const cases: [string, string][] = [
        ['/api/estimate/histories', 'estimate-lists'],
        [`/api/estimate/histories?channels=${c.form}`, 'estimate-lists'],
        [`/api/estimate/histories?channels=${nine}`, 'estimate-lists'],
        [`/api/estimate/histories?channels=${c.form},${c.lawyers},${c.form}`, 'estimate-lists'],
        [`/api/estimate/histories?channels=${c.form},not-an-id`, 'estimate-lists'],
        [`/api/estimate/histories?channels=${c.form},${c.lawyers}&channels=${c.media}`, 'estimate-lists'],
        [`/api/estimate/histories?channels=${c.form},${randomUUID()}`, 'unknown-channel'],
        [`${path(ALL)}&from=2026-02-30`, 'estimate-filter'],
        [`${path(ALL)}&to=yesterday`, 'estimate-filter'],
        [`${path(ALL)}&from=2026-11-30&to=2026-11-01`, 'estimate-filter'],
        [`${path(ALL)}&actType=arrest`, 'estimate-filter'],
        [`${path(ALL)}&place=somewhere`, 'estimate-filter'],
        [`${path(ALL)}&colour=red`, 'estimate-filter'],
      ];
      for (const [url, code] of cases) {
        const response = await coordinator.get(`${url}${url.includes('?') ? '&' : '?'}lang=ru`);
        assert.equal(response.status, 400, url);
        assert.deepEqual(await response.json(), { error: { code, message: errorWords.ru[code as 'estimate-lists'] } }, url);
      }
      assert.equal((await coordinator.get(`${path(ALL)}&incident=${randomUUID()}`)).status, 404);
    });
  });
}
