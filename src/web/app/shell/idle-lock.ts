// Locks the workspace after the server's idle time without keyboard, pointer or touch activity,
// and whenever the page is hidden for good (closed, navigated away, put in the back/forward cache).
import { useEffect } from 'preact/hooks';
import type { Notice } from '../entry/login-notice.ts';

const ACTIVITY = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart', 'scroll'] as const;

export function useIdleLock(idleMinutes: number, lock: (reason: Notice) => void): void {
  useEffect(() => {
    let last = Date.now();
    const active = () => {
      last = Date.now();
    };
    for (const type of ACTIVITY) window.addEventListener(type, active, { capture: true, passive: true });
    // Checked against the clock rather than one long timer, so a sleeping laptop locks on waking.
    const check = () => {
      if (idleMinutes > 0 && Date.now() - last >= idleMinutes * 60_000) {
        lock({ words: 'lockedIdle', minutes: idleMinutes });
      }
    };
    const timer = setInterval(check, 5_000);
    const hidden = () => lock({ words: 'lockedHidden' });
    window.addEventListener('pagehide', hidden);
    document.addEventListener('visibilitychange', check);
    return () => {
      for (const type of ACTIVITY) window.removeEventListener(type, active, { capture: true });
      clearInterval(timer);
      window.removeEventListener('pagehide', hidden);
      document.removeEventListener('visibilitychange', check);
    };
  }, [idleMinutes, lock]);
}
