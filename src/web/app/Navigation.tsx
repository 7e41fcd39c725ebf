// The bar above every page of the workspace: who is here, where to go, and Lock.
import type { Vault } from './vault.ts';
import { PAGES, pagesFor, type Page } from './routes.ts';
import { roleName } from './members/roles.ts';

export function Navigation({ vault, page, onLock }: { vault: Vault; page: Page | null; onLock: () => void }) {
  return (
    <header class="bar">
      <strong class="org">{vault.login.organization.name}</strong>
      {page && (
        <nav aria-label="Workspace">
          <ul>
            {pagesFor(vault.me.role).map((p) => (
              <li key={p}>
                <a href={`#${p}`} aria-current={p === page ? 'page' : undefined}>
                  {PAGES[p].title}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <span class="who">
        {vault.me.email} ({roleName(vault.me.role)})
      </span>
      <button type="button" onClick={onLock} aria-keyshortcuts="Shift+L" title="Forget the keys and log out (Shift+L)">
        Lock
      </button>
    </header>
  );
}
