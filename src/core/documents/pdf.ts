// The PDF of a document, made wherever the document is (the member's browser): pdf-lib with
// fontkit, DejaVu Sans embedded as a subset (only the glyphs used), so Azerbaijani (ə ğ ı ş),
// Russian and English all render and the file stays small. A4; text wrapped to the width; page
// breaks; tables with their header repeated on each page; the title and page numbers on every page.
import { PDFDocument, PageSizes, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import { DOCUMENT_FORMAT, type Block, type Document } from './model.ts';
import { DOCUMENT_LABELS } from './labels.ts';

export interface PdfFonts {
  regular: Uint8Array;
  bold: Uint8Array;
}

const [WIDTH, HEIGHT] = PageSizes.A4;
const MARGIN = { left: 50, right: 50, top: 64, bottom: 60 };
const CONTENT = WIDTH - MARGIN.left - MARGIN.right;
const BODY = 10;
const LEADING = 1.4;
const INK = rgb(0.07, 0.07, 0.07);
const GREY = rgb(0.35, 0.35, 0.35);
const RULE = rgb(0.55, 0.55, 0.55);
const SHADE = rgb(0.92, 0.92, 0.92);

/** Splits text into lines no wider than `width` (words first; a word too long is cut). */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.replace(/\t/g, ' ').split(/\r?\n/)) {
    let line = '';
    for (const word of paragraph.split(/ +/)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line) out.push(line);
      line = '';
      let rest = word;
      while (font.widthOfTextAtSize(rest, size) > width) {
        let cut = rest.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--;
        out.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    out.push(line);
  }
  return out;
}

class Layout {
  page!: PDFPage;
  y = 0;
  readonly pages: PDFPage[] = [];
  constructor(
    private readonly pdf: PDFDocument,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
  ) {
    this.newPage();
  }
  newPage(): void {
    this.page = this.pdf.addPage([WIDTH, HEIGHT]);
    this.pages.push(this.page);
    this.y = HEIGHT - MARGIN.top;
  }
  /** Starts a new page unless `height` more points fit on this one. */
  room(height: number): void {
    if (this.y - height < MARGIN.bottom) this.newPage();
  }
  text(line: string, x: number, size: number, font: PDFFont, color = INK): void {
    if (line) this.page.drawText(line, { x, y: this.y - size, size, font, color });
  }
  /** Wrapped lines at x, breaking pages between lines. */
  lines(text: string, options: { x?: number; width?: number; size?: number; font?: PDFFont; color?: ReturnType<typeof rgb>; bar?: boolean } = {}): void {
    const { x = MARGIN.left, width = CONTENT, size = BODY, font = this.regular, color = INK } = options;
    const step = size * LEADING;
    for (const line of wrap(text, font, size, width)) {
      this.room(step);
      this.text(line, x, size, font, color);
      if (options.bar) this.page.drawLine({ start: { x: x - 8, y: this.y + 1 }, end: { x: x - 8, y: this.y - step + 1 }, thickness: 1.5, color: RULE });
      this.y -= step;
    }
  }
  gap(points: number): void {
    this.y -= points;
  }
}

function table(l: Layout, b: Extract<Block, { kind: 'table' }>): void {
  const size = BODY - 1;
  const pad = 4;
  const columns = b.head.length;
  // Each column gets a share of the width in proportion to its widest text, none less than a minimum.
  const natural = b.head.map((h, c) =>
    Math.min(CONTENT, Math.max(l.bold.widthOfTextAtSize(h, size), ...b.rows.map((r) => l.regular.widthOfTextAtSize(r[c] ?? '', size))) + 2 * pad),
  );
  const total = natural.reduce((a, n) => a + n, 0);
  const minimum = Math.min(60, CONTENT / columns);
  const shares = total <= CONTENT ? natural : natural.map((n) => Math.max(minimum, (n / total) * CONTENT));
  const sum = shares.reduce((a, n) => a + n, 0);
  const widths = shares.map((w) => (w * CONTENT) / sum);
  const step = size * LEADING;
  const rowOf = (cells: string[], font: PDFFont) => {
    const wrapped = cells.map((c, i) => wrap(c, font, size, widths[i]! - 2 * pad));
    return { wrapped, height: Math.max(...wrapped.map((w) => w.length)) * step + 2 * pad };
  };
  const draw = (row: ReturnType<typeof rowOf>, font: PDFFont, shade: boolean) => {
    let x = MARGIN.left;
    const top = l.y;
    row.wrapped.forEach((cell, i) => {
      const w = widths[i]!;
      l.page.drawRectangle({ x, y: top - row.height, width: w, height: row.height, borderColor: RULE, borderWidth: 0.5, ...(shade ? { color: SHADE } : {}) });
      cell.forEach((line, n) => {
        l.y = top - pad - n * step;
        l.text(line, x + pad, size, font);
      });
      x += w;
    });
    l.y = top - row.height;
  };
  if (b.caption) {
    l.room(step * 3);
    l.lines(b.caption, { font: l.bold });
  }
  const head = rowOf(b.head, l.bold);
  const rows = b.rows.map((r) => rowOf(r, l.regular));
  l.room(head.height + (rows[0]?.height ?? 0));
  draw(head, l.bold, true);
  for (const row of rows) {
    if (l.y - row.height < MARGIN.bottom) {
      l.newPage();
      draw(head, l.bold, true);
    }
    draw(row, l.regular, false);
  }
  l.gap(10);
}

function block(l: Layout, b: Block): void {
  switch (b.kind) {
    case 'heading': {
      const size = b.level === 1 ? 13 : 11;
      l.gap(b.level === 1 ? 10 : 6);
      // A heading never ends a page: it keeps a few lines of what follows with it.
      l.room(size * LEADING + BODY * LEADING * 3);
      l.lines(b.text, { size, font: l.bold });
      l.gap(2);
      return;
    }
    case 'paragraph':
      l.lines(b.text);
      l.gap(6);
      return;
    case 'note':
      l.lines(b.text, { x: MARGIN.left + 10, width: CONTENT - 10, size: BODY - 1, color: GREY, bar: true });
      l.gap(6);
      return;
    case 'list':
      for (const item of b.items) {
        l.room(BODY * LEADING);
        l.text('•', MARGIN.left + 4, BODY, l.regular);
        l.lines(item, { x: MARGIN.left + 16, width: CONTENT - 16 });
        l.gap(2);
      }
      l.gap(4);
      return;
    case 'pairs': {
      const keyWidth = Math.min(170, Math.max(...b.pairs.map(([k]) => l.bold.widthOfTextAtSize(k, BODY))) + 10);
      for (const [key, value] of b.pairs) {
        const lines = wrap(key, l.bold, BODY, keyWidth - 10);
        l.room(BODY * LEADING * Math.max(1, lines.length));
        const top = l.y;
        l.lines(key, { width: keyWidth - 10, font: l.bold });
        const afterKey = l.y;
        l.y = top;
        const page = l.page;
        l.lines(value || '—', { x: MARGIN.left + keyWidth, width: CONTENT - keyWidth });
        // A long value may have run onto a new page: then it alone decides where the next line goes.
        if (l.page === page) l.y = Math.min(l.y, afterKey);
        l.gap(2);
      }
      l.gap(6);
      return;
    }
    case 'table':
      table(l, b);
      return;
  }
}

/** The document as PDF bytes. */
export async function renderPdf(doc: Document, fonts: PdfFonts): Promise<Uint8Array> {
  if (doc.format !== DOCUMENT_FORMAT) throw new Error(`unsupported document format ${String(doc.format)}`);
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  // Subsetting keeps only the glyphs used: a few tens of KB instead of 700 KB per font.
  const regular = await pdf.embedFont(fonts.regular, { subset: true });
  const bold = await pdf.embedFont(fonts.bold, { subset: true });
  pdf.setTitle(`${doc.title} — ${doc.subtitle}`);
  pdf.setLanguage(doc.language);
  pdf.setCreator('Vigil');
  pdf.setProducer('Vigil (pdf-lib)');
  // No dates in the metadata beyond what the document says: pdf-lib would stamp the making time.
  const epoch = new Date(0);
  pdf.setCreationDate(epoch);
  pdf.setModificationDate(epoch);

  const l = new Layout(pdf, regular, bold);
  l.lines(doc.title, { size: 17, font: bold });
  l.lines(doc.subtitle, { size: 12 });
  l.gap(4);
  l.page.drawLine({ start: { x: MARGIN.left, y: l.y }, end: { x: WIDTH - MARGIN.right, y: l.y }, thickness: 1.2, color: INK });
  l.gap(10);
  for (const b of doc.blocks) block(l, b);

  // Running header and footer, once the number of pages is known.
  const labels = DOCUMENT_LABELS[doc.language];
  const total = l.pages.length;
  l.pages.forEach((page, i) => {
    const small = 8;
    const head = wrap(`${doc.title} — ${doc.subtitle}`, regular, small, CONTENT)[0] ?? '';
    if (i > 0) page.drawText(head, { x: MARGIN.left, y: HEIGHT - 36, size: small, font: regular, color: GREY });
    page.drawLine({ start: { x: MARGIN.left, y: 44 }, end: { x: WIDTH - MARGIN.right, y: 44 }, thickness: 0.5, color: RULE });
    const number = labels.page(i + 1, total);
    const numberWidth = regular.widthOfTextAtSize(number, small);
    const foot = wrap(doc.footer, regular, small, CONTENT - numberWidth - 20)[0] ?? '';
    page.drawText(foot, { x: MARGIN.left, y: 32, size: small, font: regular, color: GREY });
    page.drawText(number, { x: WIDTH - MARGIN.right - numberWidth, y: 32, size: small, font: regular, color: GREY });
  });
  return pdf.save();
}
