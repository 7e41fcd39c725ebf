import { render } from 'preact';
import './style.css';
import { Setup } from './Setup.tsx';
import { Invitation } from './Invitation.tsx';
import { Workspace } from './Workspace.tsx';
import { RecoverPage } from './recovery/RecoverPage.tsx';

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
if (!window.isSecureContext || !globalThis.crypto?.subtle) render(<Insecure />, root);
else if (setupToken) render(<Setup token={setupToken} />, root);
else if (inviteToken) render(<Invitation token={inviteToken} />, root);
else if (location.pathname === '/recover') render(<RecoverPage />, root);
else render(<Workspace />, root);
