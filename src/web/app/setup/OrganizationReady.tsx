// What the first administrator sees once setup is done: where to log in, and the kit to make next.
export function OrganizationReady() {
  return (
    <main class="narrow">
      <h1>Your organization is ready</h1>
      <p>The keys were made in this browser; the server holds only public keys and locked copies.</p>
      <p>
        Next, on the workspace's <strong>Recovery</strong> page, split a recovery kit among trustees (say any 3 of 5): without
        it, a forgotten passphrase or an arrested administrator can lose the organization's memory for good.
      </p>
      <p>
        <a href="/app">Log in to the workspace</a>
      </p>
    </main>
  );
}
