// The frame of a documents page: its title, the warning about unreviewed duplicates (a document
// should not count one person twice) and a line on what the page makes.
import type { ComponentChildren } from 'preact';
import type { Vault } from '../session/vault.ts';
import { PageHeading } from '../ui/PageHeading.tsx';
import { UnreviewedDuplicates } from '../linkage/LinkStatus.tsx';

export function DocumentPage({ vault, title, intro, children }: { vault: Vault; title: string; intro: string; children: ComponentChildren }) {
  return (
    <main class="wide-ish document-page">
      <PageHeading>{title}</PageHeading>
      <UnreviewedDuplicates vault={vault} />
      <p>{intro}</p>
      {children}
    </main>
  );
}

