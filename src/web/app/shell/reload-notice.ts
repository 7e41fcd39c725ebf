// Knowing, after a reload, that this tab had the workspace open — so the login screen can say why
// it is back. Only a flag in the tab's own sessionStorage: no key, no name, nothing from a report;
// it is gone when the tab closes, and cleared by every deliberate lock.
const SIGNED_IN = 'vigil.signed-in';

export function rememberSignedIn(): void {
  try {
    sessionStorage.setItem(SIGNED_IN, '1');
  } catch {
    // Storage refused (private mode, a policy): the reload is then not explained, nothing more.
  }
}

export function forgetSignedIn(): void {
  try {
    sessionStorage.removeItem(SIGNED_IN);
  } catch {
    // As above.
  }
}

/** True once after a page load that found the flag (it is cleared: the next load says nothing). */
export function wasReloadedSignedIn(): boolean {
  try {
    const was = sessionStorage.getItem(SIGNED_IN) === '1';
    sessionStorage.removeItem(SIGNED_IN);
    return was;
  } catch {
    return false;
  }
}
