// Search that finds a word however it was spelt: "sobe" finds "şöbə" (no diacritics), "Гасанов"
// finds "Həsənov" and "hasanov" finds "Гасанов" (another script). Text and query are both folded
// word by word with the engine's name forms (names.ts), so the spellings of one word meet; a query
// word then matches a word that starts with it (typing as you go), or, for longer words, one with
// the same first letter close to it by Jaro–Winkler (a typo). Pure: the browser folds and searches what it opened; no query,
// folded word or text reaches the server.
import { jaroWinkler } from '@skyra/jaro-winkler';
import { latinOf, phoneticOf } from './names.ts';

/** Words of letters (with their accents) or of digits: "A-12" is "A" and "12". */
const WORDS = /[\p{L}\p{M}]+|\p{N}+/gu;
/** Below this many letters a query word matches only as the start of a word: "ali" is not "Natali". */
const TYPO_MIN_LENGTH = 5;
/** Jaro–Winkler similarity above which a longer word is taken for a typo of the query word. */
const TYPO_SIMILARITY = 0.92;

/**
 * One word as search compares it: Latin letters in the engine's spelling-tolerant form, with the
 * letters a missing diacritic confuses made one (ş is s, ç is c is j, ж is j); digits as they are.
 */
export function searchWordOf(word: string): string {
  if (/^\p{N}+$/u.test(word)) return word;
  return phoneticOf(latinOf(word))
    .replace(/S/g, 's')
    .replace(/[CZc]/g, 'j');
}

/**
 * Folded words remembered by their spelling: folding costs microseconds a word, and a language
 * repeats its words, so 100,000 reports fold in a fraction of the time. Kept by whoever folds (a
 * decryption worker, dropped with it on lock), bounded: emptied when full.
 */
export class FoldedWords {
  private readonly words = new Map<string, string>();
  constructor(private readonly most = 100_000) {}
  of(word: string): string {
    let folded = this.words.get(word);
    if (folded === undefined) {
      if (this.words.size >= this.most) this.words.clear();
      this.words.set(word, (folded = searchWordOf(word)));
    }
    return folded;
  }
  forget(): void {
    this.words.clear();
  }
}

/** Every word of a text, folded (empty words, such as punctuation, dropped). */
export function searchWordsOf(text: string, memo?: FoldedWords): string[] {
  const words: string[] = [];
  for (const word of text.match(WORDS) ?? []) {
    const folded = memo ? memo.of(word) : searchWordOf(word);
    if (folded) words.push(folded);
  }
  return words;
}

/**
 * A text as search keeps it: its folded words, each after a space, so that "starts with" is one
 * `includes(' ' + word)`. Made once per text (when a report is opened), not per query.
 */
export function searchTextOf(text: string, memo?: FoldedWords): string {
  const words = searchWordsOf(text, memo);
  return words.length === 0 ? '' : ` ${words.join(' ')}`;
}

/** One word of a query: as typed (for exact tokens such as "#12") and folded. */
export interface SearchTerm {
  raw: string;
  /** The folded words of it: "Binəqədi-2" is two; "#12" is "12". */
  words: string[];
}

export function searchTermsOf(query: string): SearchTerm[] {
  return query
    .split(/\s+/)
    .filter(Boolean)
    .map((raw) => ({ raw, words: searchWordsOf(raw) }))
    // A lone dash or quote is no term: it would otherwise find nothing.
    .filter((t) => t.words.length > 0);
}

/**
 * A test for texts already folded by `searchTextOf`: whether every term of the query is found in
 * one of them (or is accepted by `alsoAccepts`, such as "#12" for report 12). Typo comparisons are
 * remembered per word, so a query over 100,000 texts compares each distinct word once.
 */
export function searchMatcher(query: string): (texts: readonly string[], alsoAccepts?: (raw: string) => boolean) => boolean {
  const terms = searchTermsOf(query);
  const typoOf = terms.map(() => new Map<string, boolean>());
  const wordFound = (word: string, texts: readonly string[], typos: Map<string, boolean>) =>
    texts.some((text) => text.includes(` ${word}`) || (word.length >= TYPO_MIN_LENGTH && hasTypoOf(word, text, typos)));
  return (texts, alsoAccepts) =>
    terms.every((term, i) => (term.words.length > 0 && term.words.every((w) => wordFound(w, texts, typoOf[i]!))) || (alsoAccepts?.(term.raw) ?? false));
}

/** Looks only at the words with the query word's first letter: typos seldom fall there, and "asanov" is a name of its own (Асанов). */
function hasTypoOf(word: string, text: string, typos: Map<string, boolean>): boolean {
  const start = ` ${word[0]}`;
  for (let at = text.indexOf(start); at >= 0; at = text.indexOf(start, at + 1)) {
    const end = text.indexOf(' ', at + 1);
    const candidate = text.slice(at + 1, end < 0 ? undefined : end);
    let close = typos.get(candidate);
    if (close === undefined) {
      close = Math.abs(candidate.length - word.length) <= 2 && jaroWinkler(word, candidate) >= TYPO_SIMILARITY;
      typos.set(candidate, close);
    }
    if (close) return true;
  }
  return false;
}

/** Whether a query finds a (not yet folded) text: the one-off form, for a few texts. */
export function searchFinds(query: string, text: string): boolean {
  return searchMatcher(query)([searchTextOf(text)]);
}
