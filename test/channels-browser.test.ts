// A coordinator adds a channel on the Channels page, adds a source in it on an incident's page and
// moves it to another channel; a report's source shows the report form, fixed. Names are opened in
// the browser only.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { axeViolations as axe, launchChromium, logInThroughWorkspace } from './support/browser.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { BACKENDS } from './support/backends.ts';
import { addMember, logIn, postForm, setUpOrganization, type LoggedIn } from './support/org.ts';
import { createRecord, type Made } from './support/records.ts';
import { createChannel } from './support/channels.ts';
import { findPlaintext, query } from './support/db.ts';
import { FORM_CHANNEL_ID, type ChannelView } from '../src/core/records/channels.ts';

const STEP = { timeout: 30_000 };
const COORD = { email: 'coord@example.org', passphrase: 'member passphrase long' };

for (const backend of BACKENDS) describe(`channels in Chromium on ${backend}`, () => {
  let server: TestServer;
  let browser: Browser;
  let coordinator: LoggedIn;
  let incident: Made;
  let hotline: ChannelView;

  before(async () => {
    server = await startTestServer(backend);
    await setUpOrganization(server);
    coordinator = await addMember(server, await logIn(server), 'coordinator', COORD.email, COORD.passphrase);
    incident = await createRecord(coordinator, 'incident', { start: { date: '2026-11-01', precision: 'day' }, end: { date: null, precision: 'unknown' }, placeIds: [], monitoringStatus: 'verified' }, { title: 'Raid on a flat in Nasimi', description: '' });
    hotline = await createChannel(coordinator, 'hotline', 'Night line');
    await postForm(server, '/report?lang=en', [['story', 'They came at night.'], ['stillHeld', 'no']]);
    const [report] = await query<{ id: string }>(server, 'select id from reports');
    await createRecord(coordinator, 'source', { targetType: 'incident', targetId: incident.id, reportId: report!.id, connection: 'victim', reliability: 'F', credibility: '6', sourceDate: null }, { description: 'Report #1' });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('adds a channel on the Channels page and puts a source in it', async () => {
    const page = await browser.newPage();
    await logInThroughWorkspace(page, server.url, COORD.email, COORD.passphrase);
    await page.getByRole('link', { name: 'Channels' }).click();
    await page.getByRole('heading', { name: 'Channels', level: 1 }).waitFor(STEP);
    await page.getByRole('heading', { name: 'Night line' }).waitFor(STEP);
    await page.getByRole('heading', { name: 'Our report form' }).waitFor(STEP);
    await page.selectOption('#channel-kind', 'lawyers');
    await page.fill('#channel-name', 'Baku bar lawyers');
    await page.getByRole('button', { name: 'Add the channel' }).click();
    await page.getByText('Channel “Baku bar lawyers” added.').waitFor(STEP);
    await page.getByRole('heading', { name: 'Baku bar lawyers' }).waitFor(STEP);
    assert.deepEqual(await axe(page), []);
    const [lawyers] = await query<{ id: string }>(server, "select id from channels where kind = 'lawyers'");
    assert.deepEqual(await findPlaintext(server, ['Baku bar lawyers']), []);

    await page.goto(`${server.url}/app#records/${incident.id}`);
    const report = page.locator('li[data-source]', { hasText: 'a report of the inbox' });
    assert.equal(await report.locator('[data-source-channel]').textContent(STEP), 'Our report form');
    assert.equal(await report.getByRole('button', { name: 'Change the channel' }).count(), 0, 'a report stays in the form');
    await page.getByText('Add a source', { exact: true }).click();
    await page.selectOption('#source-channel', lawyers!.id);
    await page.fill('#source-description', 'The lawyer, after the hearing');
    await page.getByRole('button', { name: 'Add the source' }).click();
    const added = page.locator('li[data-source]', { hasText: 'another source' });
    await added.locator('[data-source-channel]', { hasText: 'Baku bar lawyers' }).waitFor(STEP);
    assert.deepEqual(await axe(page), []);

    await added.getByText('Another channel…').click();
    await added.getByLabel('Channel', { exact: true }).selectOption(hotline.id);
    await added.getByRole('button', { name: 'Change the channel' }).click();
    await page.locator('li[data-source]', { hasText: 'another source' }).locator('[data-source-channel]', { hasText: 'Night line' }).waitFor(STEP);
    const rows = await query<{ report_id: string | null; channel_id: string }>(server, 'select report_id, channel_id from sources order by seq');
    assert.deepEqual(rows.map((r) => r.channel_id), [FORM_CHANNEL_ID, hotline.id]);
    await page.close();
  });
});
