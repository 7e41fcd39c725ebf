// Documents leave the browser as files: the PDF (pdf-lib and the fonts are loaded only when the
// first one is made, from our own origin), the print-ready HTML, and JSON. A file is handed to the
// member through a blob: URL and <a download>, nothing is sent anywhere; the server only hears
// that a document was made (an audit entry, no content).
import { api } from '../session/api.ts';
import type { Document } from '../../../core/documents/model.ts';
import { renderHtml } from '../../../core/documents/html.ts';
import regularUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?url';
import boldUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf?url';
import { saveFile } from '../ui/save-file.ts';

let fonts: Promise<{ regular: Uint8Array; bold: Uint8Array }> | null = null;

function loadFonts() {
  const get = async (url: string) => {
    const response = await fetch(url, { credentials: 'same-origin' });
    if (!response.ok) throw new Error('font');
    return new Uint8Array(await response.arrayBuffer());
  };
  fonts ??= Promise.all([get(regularUrl), get(boldUrl)]).then(([regular, bold]) => ({ regular, bold }));
  fonts.catch(() => (fonts = null));
  return fonts;
}

export async function pdfOf(doc: Document): Promise<Uint8Array> {
  const [{ renderPdf }, loaded] = await Promise.all([import('../../../core/documents/pdf.ts'), loadFonts()]);
  return renderPdf(doc, loaded);
}

export function download(bytes: Uint8Array | string, name: string, type: string): void {
  saveFile([bytes as BlobPart], name, type);
}

/** A file name that says what it is and when, and nothing about anyone: "situation-report-2026-11-25-az.pdf". */
export const fileName = (kind: string, day: string, language: string, extension: string) => `${kind}-${day}-${language}.${extension}`;

export type DocumentKind = 'situation-report' | 'un-communication';
export type FileFormat = 'pdf' | 'html' | 'json';

/** A document ready to leave the page: what it is for the audit log, its file name, and (for JSON) its data. */
export interface MadeDocument {
  doc: Document;
  document: DocumentKind;
  name: (extension: string) => string;
  people: number | null;
  data?: unknown;
}

/** Hands the document to the member as a file of the chosen format. */
export async function saveDocument(made: MadeDocument, format: FileFormat): Promise<void> {
  if (format === 'pdf') download(await pdfOf(made.doc), made.name('pdf'), 'application/pdf');
  else if (format === 'html') download(htmlOf(made.doc), made.name('html'), 'text/html');
  else download(`${JSON.stringify(made.data, null, 2)}\n`, made.name('json'), 'application/json');
}

/** Tells the audit log a document was made or sent: never what it says. */
export function audit(document: DocumentKind, event: 'generated' | 'sent', format: FileFormat | 'print' | null, people: number | null): Promise<void> {
  return api('/api/documents/audit', { document, event, format, people });
}

export const htmlOf = renderHtml;
