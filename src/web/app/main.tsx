import { render } from 'preact';
import { useState } from 'preact/hooks';
import './style.css';
import { Setup } from './Setup.tsx';
import { Login, type Session } from './Login.tsx';
import { Inbox } from './Inbox.tsx';

function Workspace() {
  // Keys live only in this component's memory: a reload, a closed tab or "Lock" forgets them.
  const [session, setSession] = useState<Session | null>(null);
  if (!session) return <Login onOpen={setSession} />;
  return <Inbox session={session} onLock={() => setSession(null)} />;
}

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
const root = document.getElementById('root')!;
if (!window.isSecureContext || !globalThis.crypto?.subtle) render(<Insecure />, root);
else render(setupToken ? <Setup token={setupToken} /> : <Workspace />, root);
