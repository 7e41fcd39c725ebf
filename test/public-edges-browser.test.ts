// Rough edges of the public pages a new team hit (issue 14), each as a reporter meets it: on a
// phone (390×844) Quick exit stays on screen at every scroll position of the form, with JavaScript
// off and on, and leads to the neutral page in the reader's language; with JavaScript an empty form
// marks the field at fault, visibly, beside it (never inside the textarea). Needs `npm run build`.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchChromium } from './support/browser.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { setUpOrganization } from './support/org.ts';
import { countReports } from './support/db.ts';
import { errorWords } from '../src/core/i18n/error-words.ts';
import { exitPageWords } from '../src/server/pages/error-page-words.ts';
import { intakeWords } from '../src/server/pages/intake-words.ts';

const PHONE = { width: 390, height: 844 };

describe('the public form on a phone', () => {
  let server: TestServer;
  let browser: Browser;

  before(async () => {
    server = await startTestServer('sqlite');
    await setUpOrganization(server);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const phonePage = async (javaScriptEnabled: boolean) => (await browser.newContext({ viewport: PHONE, javaScriptEnabled, isMobile: true, hasTouch: true })).newPage();

  /** Quick exit's box at each scroll step from top to bottom: it must be inside the viewport every time. */
  async function exitBoxesWhileScrolling(page: Page): Promise<{ scrollY: number; top: number; bottom: number; visible: boolean }[]> {
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    assert.ok(height > PHONE.height * 2, `the form is longer than two screens on a phone (${height} px)`);
    const boxes = [];
    for (let y = 0; y <= height; y += 300) {
      await page.evaluate((top) => window.scrollTo(0, top), y);
      const box = await page.locator('#quick-exit').boundingBox();
      const scrollY = await page.evaluate(() => window.scrollY);
      boxes.push({ scrollY, top: box?.y ?? -1, bottom: (box?.y ?? -1) + (box?.height ?? 0), visible: !!box && box.y >= 0 && box.y + box.height <= PHONE.height });
    }
    return boxes;
  }

  for (const javaScriptEnabled of [false, true]) {
    it(`keeps Quick exit on screen at every scroll position (JavaScript ${javaScriptEnabled ? 'on' : 'off'}), and it leads to the neutral page in the reader's language`, async () => {
      const page = await phonePage(javaScriptEnabled);
      await page.goto(`${server.url}/?lang=ru`);
      const boxes = await exitBoxesWhileScrolling(page);
      assert.ok(boxes.length >= 4);
      assert.deepEqual(boxes.filter((b) => !b.visible), [], 'Quick exit left the screen');
      // While typing the story (the keyboard takes half the screen on a phone, the field scrolls into view).
      await page.locator('#story').scrollIntoViewIfNeeded();
      await page.fill('#story', 'Они задержали моего друга.');
      const box = await page.locator('#quick-exit').boundingBox();
      assert.ok(box && box.y >= 0 && box.y + box.height <= PHONE.height);
      // Nothing of the form covers it: it is what a tap there hits.
      const hit = await page.evaluate(() => {
        const r = document.getElementById('quick-exit')!.getBoundingClientRect();
        return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)?.id;
      });
      assert.equal(hit, 'quick-exit');
      await page.click('#quick-exit');
      await page.waitForURL(/\/exit\?lang=ru$/);
      assert.equal(await page.locator('h1').textContent(), exitPageWords.ru.exitTitle);
      assert.equal(await page.getAttribute('html', 'lang'), 'ru');
      await page.context().close();
    });
  }

  it('with JavaScript, an empty form marks the story field beside it (not inside the textarea) and sends nothing', async () => {
    const page = await phonePage(true);
    await page.goto(`${server.url}/?lang=az`);
    const before = await countReports(server);
    await page.click('#report button[type=submit]');
    const error = page.locator('#story-js-error');
    await error.waitFor({ state: 'visible' });
    assert.equal(await error.textContent(), errorWords.az['nothing-said']);
    assert.equal(await page.locator('#story').getAttribute('aria-invalid'), 'true');
    assert.match((await page.locator('#story').getAttribute('aria-describedby')) ?? '', /story-js-error/);
    assert.equal(await page.locator('#story').inputValue(), '', 'nothing was written into the textarea');
    assert.equal(await page.locator('#story *').count(), 0, 'nothing was put inside the textarea');
    assert.equal(await page.getByRole('alert').first().textContent(), intakeWords.az.fixBelow);
    assert.deepEqual(await axeViolations(page), []);
    // Fixed, it goes: the mark and the message leave.
    await page.fill('#story', 'Dostumu saxladılar.');
    await page.click('#report button[type=submit]');
    await page.locator('[data-codename]').first().waitFor({ timeout: 60_000 });
    assert.equal(await countReports(server), before + 1);
    await page.context().close();
  });
});
