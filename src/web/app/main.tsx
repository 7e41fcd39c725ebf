import { render } from 'preact';
import './style.css';
import { Setup } from './Setup.tsx';
import { Invitation } from './Invitation.tsx';
import { Workspace } from './Workspace.tsx';
import { RecoverPage } from './recovery/RecoverPage.tsx';
import { LanguageProvider } from './i18n/context.tsx';

function Insecure() {
  return (
    <main class="narrow">
      <h1>This address is not secure</h1>
      <p>
        The workspace decrypts reports in your browser, which browsers allow only over HTTPS (or on this computer, at
        localhost). Open Vigil at its https:// address.
      </p>
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
