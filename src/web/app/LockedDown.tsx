// What the login page says once the organization is locked down: nothing opens here any more, and
// how the team gets back to work.
export function LockedDown() {
  return (
    <main class="narrow">
      <h1>This organization is locked down</h1>
      <p>
        An administrator or the trustees locked it down. Every session ended and every key held on this server was
        destroyed: no passphrase opens anything here any more, and logging in is refused.
      </p>
      <p>
        Reports sent through the public form still arrive, sealed to the organization's key, and nobody can read them
        on this server. They are not in backups made before the lockdown: keep this server's data if you can.
      </p>
      <h2>What the team does next</h2>
      <ol>
        <li>Prepare a new server. Do not trust this one again: it may be in someone else's hands.</li>
        <li>
          An administrator restores the latest backup kept off this server on it (the server deleted the backups in
          its own folder), with the trustees' shares: <code>npx vigil restore --in FILE --shares …</code>.
        </li>
        <li>
          As many trustees as the recovery kit needs meet and type their shares, which gives the organization's keys
          back to an administrator. Then the team logs in there.
        </li>
      </ol>
    </main>
  );
}
