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

const setupToken = /^\/setup\/([A-Za-z0-9_-]+)$/.exec(location.pathname)?.[1];
render(setupToken ? <Setup token={setupToken} /> : <Workspace />, document.getElementById('root')!);
