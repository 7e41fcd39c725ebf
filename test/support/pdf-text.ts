// Reads back the text a PDF draws, the way a PDF text extractor does: each page's content streams
// are inflated (node:zlib), the font selected by each `Tf` is followed, and the glyph ids of each
// `<hex> Tj` are mapped to characters through that font's ToUnicode CMap. pdf-lib only parses the
// file's objects; the decoding is ours, so a test sees what a reader of the file would see.
import { inflateSync } from 'node:zlib';
import { PDFDocument, PDFDict, PDFName, PDFRawStream, PDFArray, PDFRef, type PDFObject } from 'pdf-lib';

function streamBytes(stream: PDFRawStream): Buffer {
  const filter = stream.dict.get(PDFName.of('Filter'));
  const raw = Buffer.from(stream.contents);
  return filter && filter.toString() === '/FlateDecode' ? inflateSync(raw) : raw;
}

/** glyph id (hex) → text, from a ToUnicode CMap's bfchar and bfrange sections. */
function parseCMap(text: string): Map<string, string> {
  const map = new Map<string, string>();
  const utf16 = (hex: string) => String.fromCharCode(...(hex.match(/..../g) ?? []).map((h) => parseInt(h, 16)));
  for (const section of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, glyph, uni] of section[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(glyph!.toUpperCase(), utf16(uni!));
  }
  for (const section of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, start] of section[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
      const from = parseInt(lo!, 16);
      const first = parseInt(start!, 16);
      for (let g = from; g <= parseInt(hi!, 16); g++) map.set(g.toString(16).toUpperCase().padStart(lo!.length, '0'), String.fromCodePoint(first + g - from));
    }
  }
  return map;
}

export interface PdfText {
  pages: number;
  /** Names of the fonts whose programs are embedded; pdf-lib names a subset e.g. "DejaVuSans-4416". */
  fonts: string[];
  /** One string per drawn line, in drawing order, per page. */
  lines: string[][];
}

export async function pdfText(bytes: Uint8Array): Promise<PdfText> {
  const pdf = await PDFDocument.load(bytes);
  const lookup = (o: PDFObject | undefined): PDFObject | undefined => (o instanceof PDFRef ? pdf.context.lookup(o) : o);
  const fonts = new Set<string>();
  const lines: string[][] = [];
  for (const page of pdf.getPages()) {
    const resources = lookup(page.node.get(PDFName.of('Resources'))) as PDFDict;
    const fontDict = lookup(resources.get(PDFName.of('Font'))) as PDFDict;
    const cmaps = new Map<string, Map<string, string>>();
    for (const [name, ref] of fontDict.entries()) {
      const font = lookup(ref) as PDFDict;
      const descendant = lookup((lookup(font.get(PDFName.of('DescendantFonts'))) as PDFArray).get(0)) as PDFDict;
      const descriptor = lookup(descendant.get(PDFName.of('FontDescriptor'))) as PDFDict;
      if (lookup(descriptor.get(PDFName.of('FontFile2')))) fonts.add(String(font.get(PDFName.of('BaseFont'))).slice(1));
      cmaps.set(name.toString(), parseCMap(streamBytes(lookup(font.get(PDFName.of('ToUnicode'))) as PDFRawStream).toString('latin1')));
    }
    const contents = lookup(page.node.get(PDFName.of('Contents')));
    const streams = contents instanceof PDFArray ? contents.asArray().map((r) => lookup(r) as PDFRawStream) : [contents as PDFRawStream];
    const program = streams.map((s) => streamBytes(s).toString('latin1')).join('\n');
    const drawn: string[] = [];
    let cmap = new Map<string, string>();
    for (const op of program.matchAll(/(\/[^\s/]+)\s+[\d.]+\s+Tf|<([0-9a-fA-F]*)>\s*Tj/g)) {
      if (op[1]) cmap = cmaps.get(op[1]) ?? new Map();
      else drawn.push((op[2]!.toUpperCase().match(/..../g) ?? []).map((g) => cmap.get(g) ?? '\uFFFD').join(''));
    }
    lines.push(drawn);
  }
  return { pages: pdf.getPageCount(), fonts: [...fonts], lines };
}
