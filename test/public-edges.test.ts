// Rough edges of the public pages (issue 14), on SQLite and PostgreSQL: the counts page with
// nothing documented says so instead of publishing "0" and empty tables; the skip link names the
// content, not a form the page lacks; the alerts feed is named for a reader, not as "Atom feed".
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from './support/backends.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { logIn, setUpOrganization } from './support/org.ts';
import { countsWords } from '../src/server/pages/counts-words.ts';
import { layoutWords } from '../src/server/pages/layout-words.ts';
import { alertsWords } from '../src/server/pages/alerts-words.ts';
import { LANGUAGES } from '../src/core/i18n/languages.ts';

const escaped = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

for (const backend of BACKENDS) {
  describe(`public pages' rough edges on ${backend}`, () => {
    let server: TestServer;

    before(async () => {
      server = await startTestServer(backend);
      await setUpOrganization(server);
      const admin = await logIn(server);
      assert.equal((await admin.post('/api/transparency', { enabled: true, k: 3 })).status, 204);
    });
    after(async () => {
      await server?.close();
    });

    it('the counts page with nothing documented says so, in each language, and publishes no "0" and no empty table', async () => {
      for (const lang of LANGUAGES) {
        const html = await (await fetch(`${server.url}/counts?lang=${lang}`)).text();
        assert.ok(html.includes(escaped(countsWords[lang].countsNone)), lang);
        assert.ok(!html.includes(`${escaped(countsWords[lang].countsTotal)}: 0`), lang);
        assert.doesNotMatch(html, /<table/);
      }
    });

    it('the skip link goes to the content, on pages with and without a form', async () => {
      for (const path of ['/', '/counts', '/status', '/alerts']) {
        const html = await (await fetch(`${server.url}${path}?lang=ru`)).text();
        assert.ok(html.includes(`<a class="skip" href="#main">${escaped(layoutWords.ru.skipToContent)}</a>`), path);
      }
    });

    it('the alerts page names its feed for a reader', async () => {
      for (const lang of LANGUAGES) {
        const html = await (await fetch(`${server.url}/alerts?lang=${lang}`)).text();
        assert.ok(html.includes(`>${escaped(alertsWords[lang].feed)}</a>`), lang);
        assert.doesNotMatch(alertsWords[lang].feed, /^(Atom feed|Лента Atom|Atom lenti)$/);
      }
    });
  });
}
