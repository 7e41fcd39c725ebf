import { render } from 'preact';
import './style.css';
import { Setup } from './setup/Setup.tsx';
import { Invitation } from './entry/Invitation.tsx';
import { Workspace } from './shell/Workspace.tsx';
import { RecoverPage } from './recovery/RecoverPage.tsx';
import { LanguageProvider, useWords } from './i18n/context.tsx';
import { LanguageSwitch } from './i18n/LanguageSwitch.tsx';
import { entryWords } from './entry/words.ts';
import { useTabTitle } from './ui/tab-title.ts';

function Insecure() {
  const t = useWords(entryWords);
  useTabTitle(t('insecureTitle'));
  return (
    <main class="narrow">
      <LanguageSwitch />
      <h1>{t('insecureTitle')}</h1>
      <p>{t('insecureText')}</p>
    </main>
  );
}

const setupToken = /^\/setup\/([A-Za-z0-9_-]+)$/.exec(location.pathname)?.[1];
const inviteToken = /^\/invite\/([A-Za-z0-9_-]+)$/.exec(location.pathname)?.[1];
const root = document.getElementById('root')!;
function Screen() {
  if (!window.isSecureContext || !globalThis.crypto?.subtle) return <Insecure />;
  if (setupToken) return <Setup token={setupToken} />;
  if (inviteToken) return <Invitation token={inviteToken} />;
  if (location.pathname === '/recover') return <RecoverPage />;
  return <Workspace />;
}

render(
  <LanguageProvider>
    <Screen />
  </LanguageProvider>,
  root,
);
