// The workspace's print-ready view of a document: the same model the HTML file and the PDF are
// made from, drawn as elements (the workspace's CSP allows no inline style). Printing the page
// prints only this (documents.css).
import type { Block, Document } from '../../../core/documents/model.ts';
import './documents.css';

const Lines = ({ text }: { text: string }) => (
  <>
    {text.split(/\r?\n/).map((line, i) => (
      <>
        {i > 0 && <br />}
        {line}
      </>
    ))}
  </>
);

function BlockView({ block }: { block: Block }) {
  switch (block.kind) {
    case 'heading':
      return block.level === 1 ? <h2>{block.text}</h2> : <h3>{block.text}</h3>;
    case 'paragraph':
      return (
        <p>
          <Lines text={block.text} />
        </p>
      );
    case 'note':
      return (
        <p class="note">
          <Lines text={block.text} />
        </p>
      );
    case 'list':
      return (
        <ul>
          {block.items.map((item, i) => (
            <li key={i}>
              <Lines text={item} />
            </li>
          ))}
        </ul>
      );
    case 'pairs':
      return (
        <dl>
          {block.pairs.map(([key, value], i) => (
            <>
              <dt key={`k${i}`}>{key}</dt>
              <dd key={`v${i}`}>
                <Lines text={value} />
              </dd>
            </>
          ))}
        </dl>
      );
    case 'table':
      return (
        <table>
          {block.caption && <caption>{block.caption}</caption>}
          <thead>
            <tr>
              {block.head.map((h, i) => (
                <th key={i} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, c) => (
                  <td key={c}>
                    <Lines text={cell} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
  }
}

export function DocumentView({ doc, label }: { doc: Document; label: string }) {
  return (
    <article class="document" lang={doc.language} aria-label={label}>
      <header>
        <p class="document-title">{doc.title}</p>
        <p class="document-subtitle">{doc.subtitle}</p>
      </header>
      {doc.blocks.map((b, i) => (
        <BlockView key={i} block={b} />
      ))}
      <footer>{doc.footer}</footer>
    </article>
  );
}
