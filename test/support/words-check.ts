// English left on a page the member reads in another language: every English message of the given
// catalogs (and the shared ones) that the language words differently, looked for in the page's
// text and its shown attributes.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import type { Words } from '../../src/core/i18n/message.ts';
import type { Language } from '../../src/core/i18n/languages.ts';
import { commonWords } from '../../src/web/app/i18n/common-words.ts';

const ROOT = join(import.meta.dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

const isWords = (value: unknown): value is Words =>
  !!value && typeof value === 'object' && ['az', 'ru', 'en'].every((l) => typeof (value as Record<string, unknown>)[l] === 'object');

/** Every catalog declared with defineWords under src/ (or one folder of it), by file and export name. */
export async function allCatalogs(under = 'src'): Promise<{ name: string; words: Words }[]> {
  const files = sourceFiles(join(ROOT, under)).filter((f) => readFileSync(f, 'utf8').includes('defineWords({'));
  const found: { name: string; words: Words }[] = [];
  for (const file of files) {
    const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) if (isWords(value)) found.push({ name: `${relative(ROOT, file)}#${name}`, words: value });
  }
  return found;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The English phrases of these catalogs a reader of `language` must never see (literal parts of each message). */
export function englishPhrases(catalogs: readonly Words[], language: Exclude<Language, 'en'>): string[] {
  const phrases = new Set<string>();
  // A word both languages write alike ("Status" is Azerbaijani too) is not English left behind.
  const theirs = new Set([commonWords, ...catalogs].flatMap((words) => Object.values(words[language] as Record<string, string>).map((v) => v.trim())));
  for (const words of [commonWords, ...catalogs]) {
    for (const [key, en] of Object.entries(words.en) as [string, string][]) {
      if (en === (words[language] as Record<string, string>)[key]) continue;
      // The literal runs between ICU arguments; plural bodies and argument names are left out.
      for (const part of en.split(/\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}/)) {
        const text = part.trim().replace(/^[,.:;()·—–-]+|[,:;(·—–-]+$/g, '').trim();
        if (text.length >= 4 && /\p{L}{3,}/u.test(text) && !theirs.has(text)) phrases.add(text);
      }
    }
  }
  return [...phrases];
}

/** Which of those phrases the page shows now (text, titles, labels, placeholders). */
export async function englishOnPage(page: Page, catalogs: readonly Words[], language: Exclude<Language, 'en'>): Promise<string[]> {
  const shown = await page.evaluate(() => {
    // What is marked as another language (a language named in itself, a reporter's own words) is not the page's.
    let text = document.body.innerText;
    for (const el of document.querySelectorAll<HTMLElement>('body [lang]')) if (el.lang && el.lang !== document.documentElement.lang) text = text.replace(el.innerText, ' ');
    const attributes = [...document.querySelectorAll('[title], [aria-label], [placeholder], [alt]')].flatMap((el) =>
      ['title', 'aria-label', 'placeholder', 'alt'].map((a) => el.getAttribute(a) ?? ''),
    );
    return [text, ...attributes, document.title].join('\n');
  });
  return englishPhrases(catalogs, language).filter((phrase) => new RegExp(`(^|[^\\p{L}])${escape(phrase)}($|[^\\p{L}])`, 'u').test(shown));
}
