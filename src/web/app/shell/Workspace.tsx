// The signed-in workspace: keys live only in the Vault this component holds. A reload, a closed
// tab, Lock, Shift+L, idle time or a session ended on the server forgets them.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Language } from '../../../core/i18n/languages.ts';
import { api, ApiError, whenSessionEnds } from '../session/api.ts';
import { Login } from '../entry/Login.tsx';
import type { Session } from '../session/session.ts';
import { Vault, keyList, type Me } from '../session/vault.ts';
import { idFromHash, pageFromHash, type Page } from './routes.ts';
import { useIdleLock } from './idle-lock.ts';
import { useShortcuts } from '../ui/shortcuts.ts';
import { Navigation } from './Navigation.tsx';
import { Waiting } from './Waiting.tsx';
import { InboxPage } from '../inbox/InboxPage.tsx';
import { MembersPage } from '../members/MembersPage.tsx';
import { AccountPage } from '../account/AccountPage.tsx';
import { AuditLog } from '../audit/AuditLog.tsx';
import { HeldBoard } from '../records/HeldBoard.tsx';
import { DueList } from '../records/DueList.tsx';
import { RecordsPage } from '../records/RecordsPage.tsx';
import { RegistryPage } from '../records/RegistryPage.tsx';
import { ChannelsPage } from '../channels/ChannelsPage.tsx';
import { PersonPage } from '../records/PersonPage.tsx';
import { PlacePage } from '../records/PlacePage.tsx';
import { GuidesPage } from '../guides/GuidesPage.tsx';
import { PartnersPage } from '../bundles/PartnersPage.tsx';
import { AlertsPage } from '../alerts/AlertsPage.tsx';
import { SituationPage } from '../documents/SituationPage.tsx';
import { AppealPage } from '../documents/AppealPage.tsx';
import { DashboardPage } from '../dashboard/DashboardPage.tsx';
import { ExportPage } from '../exports/ExportPage.tsx';
import { DuplicatesPage } from '../linkage/DuplicatesPage.tsx';
import { EstimatePage } from '../estimate/EstimatePage.tsx';
import { RecoveryPage } from '../recovery/RecoveryPage.tsx';
import { BackupWarning } from '../backups/BackupWarning.tsx';
import { SettingsPage } from '../settings/SettingsPage.tsx';
import { useLanguage, useWords } from '../i18n/context.tsx';
import { shellWords } from './words.ts';
import { useTabTitle } from '../ui/tab-title.ts';
import { pageWords } from './page-words.ts';
import type { Notice } from '../entry/login-notice.ts';
import { forgetSignedIn, rememberSignedIn, wasReloadedSignedIn } from './reload-notice.ts';


function logOut(): void {
  // keepalive: the request still goes out when the page is being closed.
  void fetch('/api/auth/logout', { method: 'POST', credentials: 'same-origin', keepalive: true, headers: { 'content-type': 'application/json' }, body: '{}' }).catch(() => undefined);
}

export function Workspace() {
  const [vault, setVault] = useState<Vault | null>(null);
  // A reload of a signed-in workspace says why the login screen is back.
  const [notice, setNotice] = useState<Notice | null>(() => (wasReloadedSignedIn() ? { words: 'reloaded' } : null));
  // Remounting the login form resets it after a failed opening.
  const [attempt, setAttempt] = useState(0);
  // A language picked on the login screen wins over the one the member had: it is what they asked for now.
  const chosenLanguage = useRef<Language | null>(null);

  async function open(session: Session) {
    try {
      const [me, keys] = await Promise.all([api<Me>('/api/me'), keyList()]);
      session.keyring.label(keys);
      setNotice(null);
      setVault(new Vault(session, me));
      rememberSignedIn();
    } catch (e) {
      session.keyring.forget();
      session.memberKey.fill(0);
      setNotice(e instanceof ApiError ? { text: e.message } : { words: 'notOpened' });
      setAttempt((n) => n + 1);
    }
  }

  const lock = useCallback(
    (reason?: Notice) => {
      if (!vault) return;
      vault.forget();
      whenSessionEnds(null);
      setVault(null);
      setNotice(reason ?? null);
      // A page being hidden may be a reload: the mark stays, so the next load can say why.
      if (!(reason && 'words' in reason && reason.words === 'lockedHidden')) forgetSignedIn();
      chosenLanguage.current = null;
      logOut();
    },
    [vault],
  );

  useEffect(() => {
    if (!vault) return;
    whenSessionEnds(() => lock({ words: 'sessionEnded' }));
    return () => whenSessionEnds(null);
  }, [vault, lock]);

  if (!vault) {
    return (
      <>
        {notice && <LoginNotice notice={notice} />}
        <Login key={attempt} onOpen={open} onLanguage={(language) => (chosenLanguage.current = language)} />
      </>
    );
  }
  return <SignedIn vault={vault} lock={lock} chosenLanguage={chosenLanguage.current} />;
}

function LoginNotice({ notice }: { notice: Notice }) {
  const t = useWords(shellWords);
  const text = 'text' in notice ? notice.text : notice.words === 'lockedIdle' ? t('lockedIdle', { minutes: notice.minutes }) : t(notice.words);
  return (
    <aside class="notice" aria-label={t('notice')}>
      <p role="status">{text}</p>
    </aside>
  );
}

/** The tab's title names the page (a page may say more in its own title, e.g. the inbox's counts). */
function usePageTitle(page: Page): void {
  const name = useWords(pageWords);
  useTabTitle(name('tabTitle', { page: name(page) }));
}

/**
 * The member's own language (their first login keeps the one they logged in with; one picked on the
 * login screen replaces it) and the organization's time zone.
 */
function useMemberLanguage(vault: Vault, chosen: Language | null): void {
  const { language, setLanguage, setTimeZone } = useLanguage();
  useEffect(() => {
    setTimeZone(vault.me.timeZone);
    if (vault.me.language && !chosen) setLanguage(vault.me.language);
    else if (vault.me.language !== language) void api('/api/me/language', { language }).catch(() => undefined);
    // Once per session: later choices go through the language switch.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [vault]);
}

function SignedIn({ vault, lock, chosenLanguage }: { vault: Vault; lock: (reason?: Notice) => void; chosenLanguage: Language | null }) {
  useMemberLanguage(vault, chosenLanguage);
  // A member who must still enrol a second factor starts on their account page, where that is done.
  const [page, setPage] = useState<Page>(() => (vault.login.mustEnrolSecondFactor ? 'account' : pageFromHash(location.hash, vault.me.role)));
  const [pageId, setPageId] = useState(() => idFromHash(location.hash));
  useEffect(() => {
    const follow = () => {
      setPage(pageFromHash(location.hash, vault.me.role));
      setPageId(idFromHash(location.hash));
    };
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, [vault]);
  useIdleLock(vault.me.idleMinutes, lock);
  useShortcuts({ L: () => lock() });
  usePageTitle(vault.me.status === 'active' ? page : 'account');
  const lockNow = () => lock();

  if (vault.me.status !== 'active') {
    return (
      <>
        <Navigation vault={vault} page={null} onLock={lockNow} />
        <Waiting vault={vault} />
      </>
    );
  }
  return (
    <>
      <Navigation vault={vault} page={page} onLock={lockNow} />
      {vault.isAdmin && <BackupWarning />}
      {page === 'inbox' && <InboxPage vault={vault} />}
      {page === 'members' && (
        <MembersPage
          vault={vault}
          onAllSessionsEnded={() => lock({ words: 'everySessionEnded' })}
          onLockedDown={() => lock({ words: 'youLockedDown' })}
        />
      )}
      {page === 'account' && <AccountPage vault={vault} />}
      {page === 'recovery' && <RecoveryPage vault={vault} />}
      {page === 'audit' && <AuditLog />}
      {page === 'settings' && <SettingsPage />}
      {page === 'held' && <HeldBoard vault={vault} />}
      {page === 'due' && <DueList vault={vault} />}
      {page === 'records' && <RecordsPage key={pageId ?? 'list'} vault={vault} incidentId={pageId} />}
      {page === 'registry' && <RegistryPage vault={vault} />}
      {page === 'person' && pageId && <PersonPage key={pageId} vault={vault} personId={pageId} />}
      {page === 'place' && pageId && <PlacePage key={pageId} vault={vault} placeId={pageId} />}
      {page === 'guides' && <GuidesPage vault={vault} />}
      {page === 'partners' && <PartnersPage vault={vault} />}
      {page === 'channels' && <ChannelsPage vault={vault} />}
      {page === 'alerts' && <AlertsPage vault={vault} />}
      {page === 'situation' && <SituationPage vault={vault} />}
      {page === 'appeal' && <AppealPage vault={vault} />}
      {page === 'dashboard' && <DashboardPage vault={vault} />}
      {page === 'estimate' && <EstimatePage vault={vault} />}
      {page === 'export' && <ExportPage vault={vault} />}
      {page === 'duplicates' && <DuplicatesPage vault={vault} />}
    </>
  );
}
