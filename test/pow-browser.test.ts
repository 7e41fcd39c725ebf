// A flood has used up the limit every client behind the same address shares (as behind an onion
// service); a real reporter in Chromium with JavaScript on still sends a report, checks on it and
// adds evidence, because the page solves a proof of work for each. Needs `npm run build`.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/browser.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { postForm, setUpOrganization } from './support/org.ts';
import { countReports } from './support/db.ts';
import { postJson } from './support/intake.ts';
import { PROOF_FIELD, PROOF_HEADER } from '../src/core/pow/proof.ts';

describe('a real reporter during a flood, in Chromium', () => {
  let server: TestServer;
  let browser: Browser;

  before(async () => {
    server = await startTestServer('sqlite', { VIGIL_INTAKE_PER_MINUTE: '2', VIGIL_STATUS_PER_MINUTE: '2', VIGIL_POW_BITS: '12' });
    await setUpOrganization(server);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('sends a report, checks on it and adds a file while the shared limit is used up', async () => {
    // The flood: bounded, from the same address the reporter comes from.
    const flood = async (times: number, send: () => Promise<Response>) => {
      const statuses: number[] = [];
      for (let i = 0; i < times; i++) statuses.push((await send()).status);
      return statuses;
    };
    const floods = [
      await flood(20, () => postJson(server, '/api/reports', '{}')),
      await flood(10, () => postForm(server, '/status?lang=en', [['codename', '1'.repeat(28)]])),
      await flood(10, () => fetch(`${server.url}/api/evidence`, { method: 'POST', headers: { 'content-type': 'application/vnd.vigil.attachment' }, body: 'x' })),
    ];
    for (const statuses of floods) assert.deepEqual(statuses.slice(2), statuses.slice(2).map(() => 429), 'the limit is used up everywhere');
    const before = await countReports(server);

    const page = await (await browser.newContext({ javaScriptEnabled: true })).newPage();
    const requests: { url: string; proof: string | undefined; body: string }[] = [];
    page.on('request', (r) => requests.push({ url: r.url(), proof: r.headers()[PROOF_HEADER], body: r.method() === 'POST' ? (r.postData() ?? '') : '' }));

    await page.goto(`${server.url}/?lang=en`);
    await page.fill('#story', 'They took my friend from the café at midnight.');
    await page.click('#report button[type=submit]');
    const codename = await page.locator('[data-codename]').first().getAttribute('data-codename', { timeout: 60_000 });
    assert.match(codename ?? '', /^\d{28}$/);
    assert.equal(await countReports(server), before + 1);
    const sent = requests.find((r) => r.url.endsWith('/api/reports'));
    assert.match(sent?.proof ?? '', /^1\.report\.12\./, 'the report carried a proof');

    // Evidence from the receipt page.
    await page.setInputFiles('form.evidence input[type=file]', { name: 'summons.txt', mimeType: 'text/plain', buffer: Buffer.from('a scanned summons') });
    await page.click('form.evidence button[type=submit]');
    await page.getByText('Received 1 file.').waitFor({ timeout: 60_000 });
    assert.match(requests.find((r) => r.url.endsWith('/api/evidence'))?.proof ?? '', /^1\.evidence\./);

    // The status check: a plain form, to which the script adds a proof.
    await page.goto(`${server.url}/status?lang=en`);
    await page.fill('#codename', codename!);
    await page.click('button[type=submit]');
    await page.getByText('Not read yet.').waitFor({ timeout: 60_000 });
    const check = requests.find((r) => r.url.includes('/status?') && r.body.includes('codename='));
    assert.match(new URLSearchParams(check?.body).get(PROOF_FIELD) ?? '', /^1\.status\./);

    // Nothing went anywhere but this server.
    assert.deepEqual(requests.filter((r) => !r.url.startsWith(server.url)), []);
  });

  it('with JavaScript off the same flood stops the reporter, who gets their words back (Tor\'s own proof of work is the defence there)', async () => {
    const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await page.goto(`${server.url}/?lang=en`);
    // This page's form was flooded too: two reports already went through it from this address.
    for (let i = 0; i < 2; i++) await postForm(server, '/report?lang=en', [['story', 'flood']]);
    await page.fill('#story', 'Written with JavaScript off.');
    const [response] = await Promise.all([page.waitForNavigation(), page.click('#report button[type=submit]')]);
    assert.equal(response?.status(), 429);
    assert.equal(await page.inputValue('#story'), 'Written with JavaScript off.');
  });
});
