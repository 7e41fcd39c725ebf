// The print-ready HTML of a document: one self-contained page (its own style, no script, no
// outside request), A4 with margins, every text escaped. The workspace shows the same model with
// its own components; this is what is downloaded and printed or sent.
import { DOCUMENT_FORMAT, type Block, type Document } from './model.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** Line breaks typed in a text stay line breaks. */
const lines = (text: string) => escapeHtml(text).replace(/\r?\n/g, '<br>');

export const PRINT_CSS = `@page{size:A4;margin:18mm 16mm 20mm}
body{font-family:"DejaVu Sans",Arial,sans-serif;font-size:10.5pt;line-height:1.45;color:#111;max-width:178mm;margin:0 auto;padding:8mm 0}
header{border-bottom:1.5pt solid #111;margin-bottom:6mm}
h1{font-size:17pt;margin:0 0 1mm}header p{margin:0 0 2mm;font-size:12pt}
h2{font-size:13pt;margin:6mm 0 2mm;break-after:avoid}h3{font-size:11pt;margin:4mm 0 1.5mm;break-after:avoid}
table{border-collapse:collapse;width:100%;margin:2mm 0 4mm;break-inside:auto}tr{break-inside:avoid}
th,td{border:0.5pt solid #666;padding:1.2mm 2mm;text-align:left;vertical-align:top}th{background:#eee}
caption{text-align:left;font-weight:bold;padding-bottom:1mm}
dl{display:grid;grid-template-columns:max-content 1fr;gap:1mm 4mm;margin:2mm 0 4mm}dt{font-weight:bold}dd{margin:0}
.note{border-left:2pt solid #666;padding-left:3mm;font-size:9.5pt;color:#333}
footer{border-top:0.5pt solid #666;margin-top:8mm;padding-top:2mm;font-size:9pt;color:#333}`;

function block(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return b.level === 1 ? `<h2>${escapeHtml(b.text)}</h2>` : `<h3>${escapeHtml(b.text)}</h3>`;
    case 'paragraph':
      return `<p>${lines(b.text)}</p>`;
    case 'note':
      return `<p class="note">${lines(b.text)}</p>`;
    case 'list':
      return `<ul>${b.items.map((i) => `<li>${lines(i)}</li>`).join('')}</ul>`;
    case 'pairs':
      return `<dl>${b.pairs.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${lines(v)}</dd>`).join('')}</dl>`;
    case 'table': {
      const caption = b.caption ? `<caption>${escapeHtml(b.caption)}</caption>` : '';
      const head = `<thead><tr>${b.head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>`;
      const rows = b.rows.map((r) => `<tr>${r.map((c) => `<td>${lines(c)}</td>`).join('')}</tr>`).join('');
      return `<table>${caption}${head}<tbody>${rows}</tbody></table>`;
    }
  }
}

/** The body's markup (also what the workspace's preview is checked against). */
export function documentBody(doc: Document): string {
  if (doc.format !== DOCUMENT_FORMAT) throw new Error(`unsupported document format ${String(doc.format)}`);
  return `<header><h1>${escapeHtml(doc.title)}</h1><p>${escapeHtml(doc.subtitle)}</p></header><main>${doc.blocks.map(block).join('\n')}</main><footer>${escapeHtml(doc.footer)}</footer>`;
}

/** A whole page, ready to print (A4) or to attach to an e-mail. */
export function renderHtml(doc: Document): string {
  return `<!doctype html>
<html lang="${doc.language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="generator" content="Vigil ${DOCUMENT_FORMAT}"><title>${escapeHtml(`${doc.title} — ${doc.subtitle}`)}</title>
<style>${PRINT_CSS}</style></head>
<body>${documentBody(doc)}</body></html>
`;
}
