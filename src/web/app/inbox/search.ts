// Full-text search over what was opened in this browser. Each report keeps one folded string of
// its answers (and, once fetched, its notes and messages); a query matches when every word of
// it appears somewhere. Folding drops case and accents, so "baki" finds "Bakı" and "BAKİ".
// All of it lives in the inbox store and is dropped on lock.

export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/ı/g, 'i');
}

export function queryTerms(query: string): string[] {
  return fold(query)
    .split(/\s+/)
    .filter((t) => t.length > 0);
}
