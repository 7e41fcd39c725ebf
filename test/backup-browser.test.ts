// What administrators see of backups, in Debian's Chromium (one page load): a banner on every page
// when none succeeded for a day, saying why the last attempt failed; the Members page's last backup,
// its size and the schedule; axe-core finds nothing. Needs `npm run build` first.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { axeViolations as axe, openWorkspaceAs } from './support/browser.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { ADMIN, setUpOrganization } from './support/org.ts';
import { query } from './support/db.ts';

describe('backups in the workspace, in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];

  before(async () => {
    server = await startTestServer('sqlite', { VIGIL_BACKUP_DIR: '/nonexistent/vigil-backups', VIGIL_BACKUP_EVERY: '6h', VIGIL_BACKUP_KEEP: '5' });
    await setUpOrganization(server);
    // Two days ago a backup of 12,345,678 bytes; since then the drive is gone.
    const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
    await query(server, `insert into backup_runs (id, started_at, finished_at, outcome, size, file) values ('ok', '${day(2)}', '${day(2)}', 'ok', 12345678, 'vigil-x.backup')`);
    await query(server, `insert into backup_runs (id, started_at, finished_at, outcome, error, file) values ('failed', '${day(1)}', '${day(1)}', 'failed', 'folder-missing', 'vigil-y.backup')`);
    ({ browser, page, pageErrors } = await openWorkspaceAs(server.url, ADMIN.email, ADMIN.passphrase));
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('warns on every page, and the Members page shows the last backup, the schedule and why it fails', async () => {
    const banner = page.getByRole('complementary', { name: /No backup has succeeded since/ });
    await banner.waitFor();
    assert.match(await banner.innerText(), /more than a day ago[\s\S]*failed because the backup folder does not exist \(is the backup drive attached and mounted\?\)/);
    await banner.getByRole('link', { name: 'Backups, on the Members page' }).click();
    const section = page.getByRole('region', { name: 'Backups' });
    await section.waitFor();
    const text = await section.innerText();
    assert.match(text, /Last backup: \w{3} \d{1,2}, \d{4}, \d\d:\d\d, 12\.3 MB\./);
    assert.match(text, /The server makes one every 6 hours and keeps the last 5\./);
    assert.doesNotMatch(text, /nonexistent/, 'the folder is not named to the browser');
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(pageErrors, []);
  });
});
