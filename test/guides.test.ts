// "Know your rights" and "staying safe": the team writes them per language; the public reads them
// without JavaScript; bad input is refused whole; only coordinators and administrators edit.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from './support/backends.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { addMember, logIn, setUpOrganization, type LoggedIn } from './support/org.ts';
import { query } from './support/db.ts';
import { errorWords } from '../src/core/i18n/error-words.ts';
import { CSRF_HEADER } from '../src/core/api/common.ts';
import { emptyGuide, blocksOf, GUIDE_LIMITS, type GuideView } from '../src/core/guides/structure.ts';

const RIGHTS_EN = 'You may stay silent.\nYou do not have to unlock your phone.\n\n- Ask for a lawyer.\n- Ask to call your family.';
const RIGHTS_AZ = 'Susmaq hüququnuz var.';

describe('guide text', () => {
  it('becomes paragraphs and lists, nothing else', () => {
    assert.deepEqual(blocksOf('One\ntwo\n\n- a\n- b\n1. first\n2) second\n\n<b>x</b>'), [
      { kind: 'paragraph', text: 'One two' },
      { kind: 'list', ordered: false, items: ['a', 'b'] },
      { kind: 'list', ordered: true, items: ['first', 'second'] },
      { kind: 'paragraph', text: '<b>x</b>' },
    ]);
    assert.deepEqual(blocksOf('  \n\n '), []);
  });
});

for (const backend of BACKENDS) {
  describe(`rights and safety pages on ${backend}`, () => {
    let server: TestServer;
    let admin: LoggedIn;
    let coordinator: LoggedIn;
    let documenter: LoggedIn;

    const page = async (path: string) => {
      const response = await fetch(`${server.url}${path}`);
      return { status: response.status, html: await response.text() };
    };
    const withWords = (guide: GuideView, key: string, lang: 'en' | 'az' | 'ru', body: string) =>
      guide.sections.map((s) => (s.key === key ? { ...s, body: { ...s.body, [lang]: body } } : s));

    before(async () => {
      server = await startTestServer(backend);
      await setUpOrganization(server);
      admin = await logIn(server);
      coordinator = await addMember(server, admin, 'coordinator', 'coord@example.org');
      documenter = await addMember(server, admin, 'documenter', 'doc@example.org');
    });
    after(() => server?.close());

    it('ships the headings with no words, and links nothing until the team writes', async () => {
      const { guides } = (await (await coordinator.get('/api/guides')).json()) as { guides: GuideView[] };
      assert.deepEqual(guides.map((g) => g.kind), ['rights', 'safety']);
      assert.deepEqual(guides[0], emptyGuide('rights'));
      const rights = await page('/rights?lang=en');
      assert.equal(rights.status, 200);
      assert.match(rights.html, /<h1>Know your rights<\/h1>/);
      assert.match(rights.html, /This page has not been written yet/);
      assert.doesNotMatch((await page('/?lang=en')).html, /href="\/rights/, 'the form does not link an empty page');
    });

    it('publishes what a coordinator writes, in the languages written, escaped, without script', async () => {
      let guide = emptyGuide('rights');
      guide = { ...guide, sections: withWords({ ...guide, sections: withWords(guide, 'detained', 'en', RIGHTS_EN) }, 'detained', 'az', RIGHTS_AZ) };
      guide.sections = withWords(guide, 'help', 'en', 'Call us: <script>alert(1)</script>');
      const response = await coordinator.post('/api/guides/rights', { version: 0, sections: guide.sections });
      assert.equal(response.status, 200, await response.clone().text());
      const saved = (await response.json()) as GuideView;
      assert.equal(saved.version, 1);
      assert.match(saved.updatedDay!, /^\d{4}-\d{2}-\d{2}$/);

      const en = await page('/rights?lang=en');
      assert.match(en.html, /<h2>If you are detained<\/h2><p>You may stay silent. You do not have to unlock your phone.<\/p><ul><li>Ask for a lawyer.<\/li><li>Ask to call your family.<\/li><\/ul>/);
      assert.match(en.html, /Call us: &lt;script&gt;alert\(1\)&lt;\/script&gt;/);
      assert.doesNotMatch(en.html, /<script/);
      assert.doesNotMatch(en.html, /If the police stop you/, 'a section without words is not shown');
      const az = await page('/rights?lang=az');
      assert.match(az.html, /<h1>Hüquqlarınızı bilin<\/h1>/);
      assert.match(az.html, /<h2>Sizi tutsalar<\/h2><p>Susmaq hüququnuz var.<\/p>/);
      const ru = await page('/rights?lang=ru');
      assert.match(ru.html, /Эта страница ещё не написана на вашем языке/);
      assert.match(ru.html, /href="\/rights\?lang=az"/);
      assert.match(ru.html, /href="\/rights\?lang=en"/);
      // The form now links the page written; not the one still empty.
      const form = (await page('/?lang=en')).html;
      assert.match(form, /<footer><nav aria-label="More"><ul><li><a href="\/rights\?lang=en">Know your rights<\/a><\/li><\/ul><\/nav><\/footer>/);
      assert.doesNotMatch(form, /href="\/safety/);
      const audit = await query<{ action: string; object: string }>(server, "select action, object from audit_log where action = 'guide.saved'");
      assert.deepEqual(audit, [{ action: 'guide.saved', object: 'rights' }]);
    });

    it('refuses a save made from an older version', async () => {
      const guide = emptyGuide('rights');
      const stale = await admin.post('/api/guides/rights', { version: 0, sections: guide.sections });
      assert.equal(stale.status, 409);
      assert.equal(((await stale.json()) as { error: { message: string } }).error.message, errorWords.az['edit-conflict'], 'in the organization’s first language when the browser names none');
      const current = await admin.post('/api/guides/rights', { version: 1, sections: withWords(guide, 'lawyer', 'ru', 'Требуйте адвоката.') });
      assert.equal(current.status, 200);
      assert.match((await page('/rights?lang=ru')).html, /<h2>Ваше право на адвоката<\/h2><p>Требуйте адвоката.<\/p>/);
      assert.doesNotMatch((await page('/rights?lang=en')).html, /You may stay silent/, 'the whole guide is replaced by the save');
    });

    it('refuses bad input whole, in the reader’s language, and keeps the page as it was', async () => {
      const before = await query<{ version: number }>(server, "select version from guides where kind = 'rights'");
      const guide = emptyGuide('rights');
      const tooLong = await admin.post('/api/guides/rights', { version: 2, sections: withWords(guide, 'court', 'en', 'x'.repeat(GUIDE_LIMITS.body + 1)) });
      assert.equal(tooLong.status, 400);
      assert.equal(((await tooLong.json()) as { error: { message: string } }).error.message, errorWords.az['too-long']);
      const twice = await admin.post('/api/guides/rights', { version: 2, sections: [guide.sections[0], guide.sections[0]] });
      assert.equal(twice.status, 400);
      const nul = await admin.post('/api/guides/rights', { version: 2, sections: withWords(guide, 'court', 'en', 'a\u0000b') });
      assert.equal(nul.status, 400);
      const unknown = await admin.post('/api/guides/recipes', { version: 0, sections: [] });
      assert.equal(unknown.status, 404);
      const notJson = await fetch(`${server.url}/api/guides/rights`, { method: 'POST', headers: { cookie: admin.cookie, 'content-type': 'application/json', [CSRF_HEADER]: '1', 'accept-language': 'ru' }, body: '{' });
      assert.equal(notJson.status, 400);
      assert.equal(((await notJson.json()) as { error: { message: string } }).error.message, errorWords.ru['bad-request']);
      assert.deepEqual(await query<{ version: number }>(server, "select version from guides where kind = 'rights'"), before);
    });

    it('is edited only by coordinators and administrators', async () => {
      assert.equal((await documenter.get('/api/guides')).status, 403);
      assert.equal((await documenter.post('/api/guides/safety', { version: 0, sections: [] })).status, 403);
      assert.equal((await fetch(`${server.url}/api/guides`)).status, 401);
      assert.equal((await page('/safety?lang=en')).status, 200, 'reading is for everyone');
    });
  });
}
