// The bar above every page of the workspace: who is here, where to go, the language, and Lock.
// The pages sit in three groups, each a disclosure (a button that shows or hides its links): all
// open on a wide screen, closed on a phone so the bar stays a couple of lines high.
import { useEffect, useState } from 'preact/hooks';
import type { Vault } from '../session/vault.ts';
import { api } from '../session/api.ts';
import { GROUPS, groupOf, pagesFor, type Group, type Page } from './routes.ts';
import { roleName } from '../members/roles.ts';
import { useWords } from '../i18n/context.tsx';
import { LanguageSwitch } from '../i18n/LanguageSwitch.tsx';
import { shellWords } from './words.ts';
import { pageWords } from './page-words.ts';

/** Wide enough for every group open at once without crowding the page. */
const WIDE = '(min-width: 64em)';
const GROUP_NAMES = { records: 'groupRecords', reports: 'groupReports', team: 'groupTeam' } as const;

const isWide = (): boolean => window.matchMedia(WIDE).matches;
const allGroups = (open: boolean): Record<Group, boolean> => ({ records: open, reports: open, team: open });

export function Navigation({ vault, page, onLock }: { vault: Vault; page: Page | null; onLock: () => void }) {
  const t = useWords(shellWords);
  const role = roleName(vault.me.role);
  return (
    <header class="bar">
      <p class="identity">
        <strong class="org">{vault.login.organization.name}</strong>
        <span class="who">{t('who', { email: vault.me.email, role })}</span>
      </p>
      {page && <PageMenu role={vault.me.role} page={page} />}
      {/* The Account page has its own switch, with a word on where the choice is kept. */}
      {page !== 'account' && <LanguageSwitch onChange={(language) => void api('/api/me/language', { language }).catch(() => undefined)} />}
      <button type="button" class="lock" onClick={onLock} aria-keyshortcuts="Shift+L" title={t('lockHint')}>
        {t('lock')}
      </button>
    </header>
  );
}

function PageMenu({ role, page }: { role: Vault['me']['role']; page: Page }) {
  const t = useWords(shellWords);
  const name = useWords(pageWords);
  const pages = pagesFor(role);
  const [open, setOpen] = useState(() => allGroups(isWide()));
  // On a phone a chosen page closes the menus, so the page itself is what shows.
  useEffect(() => {
    if (!isWide()) setOpen(allGroups(false));
  }, [page]);

  const link = (p: Page) => (
    <li key={p}>
      <a href={`#${p}`} aria-current={p === page ? 'page' : undefined}>
        {name(p)}
      </a>
    </li>
  );
  return (
    <nav aria-label={t('navigation')}>
      <ul class="menu">
        {pages.filter((p) => !groupOf(p)).map(link)}
        {GROUPS.map((group) => {
          const inGroup = pages.filter((p) => groupOf(p) === group);
          if (inGroup.length === 0) return null;
          const id = `menu-${group}`;
          const close = (event: KeyboardEvent) => {
            if (event.key !== 'Escape' || !open[group]) return;
            event.stopPropagation();
            setOpen({ ...open, [group]: false });
            document.getElementById(`${id}-button`)?.focus();
          };
          return (
            <li key={group} class={`group${groupOf(page) === group ? ' current' : ''}`} onKeyDown={close}>
              <button type="button" id={`${id}-button`} class="disclosure" aria-expanded={open[group]} aria-controls={id} onClick={() => setOpen({ ...open, [group]: !open[group] })}>
                {name(GROUP_NAMES[group])}
              </button>
              <ul id={id} hidden={!open[group]}>
                {inGroup.map(link)}
              </ul>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
