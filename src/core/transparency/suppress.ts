// Publishing counts that out no one: in a table of counts, a cell of 1 to k−1 people could point at
// them, so it is suppressed; and because the table's total is published, suppression is
// complementary — the cells withheld must together hold at least k (else the total minus the
// published cells would give them away), so more cells are withheld, smallest first, until they do.
// A table whose total is under k is withheld whole. Zeros are published: they point at no one.

export interface Cell {
  key: string;
  count: number;
}
export interface PublishedCell {
  key: string;
  /** null: suppressed. */
  count: number | null;
}
export interface PublishedTable {
  cells: PublishedCell[];
  /** null: the whole table is suppressed. */
  total: number | null;
}

export const MIN_K = 3;

export function suppress(cells: Cell[], k: number): PublishedTable {
  if (k < MIN_K) throw new Error(`k must be at least ${MIN_K}`);
  const total = cells.reduce((n, c) => n + c.count, 0);
  if (total > 0 && total < k) return { cells: cells.map((c) => ({ key: c.key, count: null })), total: null };
  const hidden = new Set(cells.filter((c) => c.count > 0 && c.count < k).map((c) => c.key));
  const hiddenSum = () => cells.filter((c) => hidden.has(c.key)).reduce((n, c) => n + c.count, 0);
  // Complementary: withhold the smallest published non-zero cells until the withheld sum reaches k.
  const candidates = cells.filter((c) => c.count >= k).sort((a, b) => a.count - b.count || a.key.localeCompare(b.key));
  while (hidden.size > 0 && hiddenSum() < k && candidates.length > 0) hidden.add(candidates.shift()!.key);
  return { cells: cells.map((c) => ({ key: c.key, count: hidden.has(c.key) ? null : c.count })), total };
}

/**
 * What anyone can infer from a published table: each published cell exactly; the withheld cells
 * only as a group (total minus published). Returns the problems, if any — for tests and as a last
 * check before publishing.
 */
export function disclosureProblems(table: PublishedTable, k: number): string[] {
  const problems: string[] = [];
  for (const c of table.cells) if (c.count !== null && c.count > 0 && c.count < k) problems.push(`cell ${c.key} = ${c.count} < ${k}`);
  if (table.total === null) return problems;
  if (table.total > 0 && table.total < k) problems.push(`total ${table.total} < ${k}`);
  const withheld = table.total - table.cells.reduce((n, c) => n + (c.count ?? 0), 0);
  const withheldCells = table.cells.filter((c) => c.count === null).length;
  if (withheldCells > 0 && withheld > 0 && withheld < k) problems.push(`the withheld cells add up to ${withheld} < ${k}`);
  return problems;
}
