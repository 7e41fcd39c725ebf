// Debian's Chromium driven by playwright-core; no browser download, no network beyond loopback.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_FLAGS });
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's violations on the page as it is now, each with the elements concerned. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const run = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe.run;
    return (await run()).violations.map((v) => `${v.id} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`);
  });
}

/** Logs in on the workspace's own form, as a member would, and waits for the workspace's bar and first page. */
export async function logInThroughWorkspace(page: Page, serverUrl: string, email: string, passphrase: string): Promise<void> {
  await page.goto(`${serverUrl}/app`);
  await page.fill('#email', email);
  await page.fill('#passphrase', passphrase);
  await page.click('button[type=submit]');
  await page.locator('header.bar').waitFor({ timeout: 30_000 });
  await page.locator('main h1, h1').first().waitFor({ timeout: 30_000 });
}

/**
 * Chromium with one page logged in to the workspace as a member, and the page's script errors as they come.
 * `locale` is the browser's language (a member's first login takes the workspace language from it).
 */
export async function openWorkspaceAs(serverUrl: string, email: string, passphrase: string, options: { locale?: string } = {}): Promise<{ browser: Browser; page: Page; pageErrors: string[] }> {
  const browser = await launchChromium();
  const page = await (await browser.newContext(options.locale ? { locale: options.locale } : {})).newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await logInThroughWorkspace(page, serverUrl, email, passphrase);
  return { browser, page, pageErrors };
}
