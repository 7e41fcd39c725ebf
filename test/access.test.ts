// The access matrix: every route, called by every role and by an anonymous visitor, is allowed
// or refused exactly as this table says. A route missing from the table fails the test, so a
// new route cannot ship without someone deciding who may call it.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BACKENDS } from './support/backends.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { acceptInvitation, addMember, invite, logIn, setUpOrganization, type LoggedIn } from './support/org.ts';
import { CSRF_HEADER } from '../src/core/api/common.ts';

type Actor = 'anonymous' | 'invited' | 'viewer' | 'documenter' | 'coordinator' | 'admin';
const ACTORS: Actor[] = ['anonymous', 'invited', 'viewer', 'documenter', 'coordinator', 'admin'];
const PUBLIC = ACTORS;
const SIGNED_IN: Actor[] = ['invited', 'viewer', 'documenter', 'coordinator', 'admin'];
const READERS: Actor[] = ['viewer', 'documenter', 'coordinator', 'admin'];
const TRIAGERS: Actor[] = ['documenter', 'coordinator', 'admin'];
const ADMINS: Actor[] = ['admin'];
const COORDINATORS: Actor[] = ['coordinator', 'admin'];

/** Who may call each route. Keep in step with the code: the test fails for any route not here. */
const MATRIX: Record<string, Actor[]> = {
  'GET /': PUBLIC,
  'POST /report': PUBLIC,
  'POST /api/reports': PUBLIC,
  'GET /exit': PUBLIC,
  'GET /healthz': PUBLIC,
  'GET /assets/vigil.js': PUBLIC,
  'GET /favicon.ico': PUBLIC,
  'GET /status': PUBLIC,
  'POST /status': PUBLIC,
  'GET /app': PUBLIC,
  'GET /app/assets/*': PUBLIC,
  'GET /setup/:token': PUBLIC,
  'POST /api/setup': PUBLIC,
  'POST /api/auth/kdf': PUBLIC,
  'POST /api/auth/login': PUBLIC,
  'POST /api/auth/logout': PUBLIC,
  'GET /invite/:token': PUBLIC,
  'POST /api/invitations/accept': PUBLIC,
  'GET /api/inbox': READERS,
  'POST /api/inbox/cache': TRIAGERS,
  'GET /api/inbox/answers': READERS,
  'POST /api/reports/:id/seen': READERS,
  'POST /api/reports/:id/read': TRIAGERS,
  'GET /api/members': ADMINS,
  'POST /api/invitations': ADMINS,
  'POST /api/invitations/:id/revoke': ADMINS,
  'POST /api/members/:id/confirm': ADMINS,
  'POST /api/members/:id/role': ADMINS,
  'POST /api/members/:id/remove': ADMINS,
  'GET /api/me': SIGNED_IN,
  'GET /api/me/grants': READERS,
  'GET /api/sessions': SIGNED_IN,
  'POST /api/sessions/:id/end': SIGNED_IN,
  'POST /api/sessions/end-all': ADMINS,
  'POST /api/me/passphrase': SIGNED_IN,
  'POST /api/me/language': SIGNED_IN,
  'GET /api/organization': ADMINS,
  'POST /api/organization': ADMINS,
  'GET /api/me/notices': SIGNED_IN,
  'POST /api/me/notices': SIGNED_IN,
  'POST /api/me/notices/test': SIGNED_IN,
  'GET /api/audit': ADMINS,
  'POST /api/reports/triage': TRIAGERS,
  'GET /api/tags': READERS,
  'GET /api/team': READERS,
  'GET /api/reports/:id/thread': READERS,
  'POST /api/reports/:id/notes': TRIAGERS,
  'POST /api/reports/:id/replies': TRIAGERS,
  'POST /status/answer': PUBLIC,
  'POST /status/delete': PUBLIC,
  'POST /api/auth/second-factor': PUBLIC,
  'POST /api/auth/passkey/options': PUBLIC,
  'POST /api/auth/passkey/verify': PUBLIC,
  'GET /api/me/second-factors': SIGNED_IN,
  'POST /api/me/totp/start': SIGNED_IN,
  'POST /api/me/totp/confirm': SIGNED_IN,
  'POST /api/me/passkeys/options': SIGNED_IN,
  'POST /api/me/passkeys/verify': SIGNED_IN,
  'POST /api/me/recovery-codes': SIGNED_IN,
  'POST /api/me/second-factors/:id/remove': SIGNED_IN,
  'GET /api/settings': ADMINS,
  'GET /api/keys': READERS,
  'POST /api/keys/first': ADMINS,
  'POST /api/keys/rotate': ADMINS,
  'GET /api/recovery': ADMINS,
  'POST /api/recovery/kits': ADMINS,
  'GET /recover': PUBLIC,
  'GET /api/recovery/kit': PUBLIC,
  'POST /api/recovery/challenge': PUBLIC,
  'POST /api/recovery/open': PUBLIC,
  'POST /api/recovery/grant': PUBLIC,
  'POST /api/recovery/lockdown': PUBLIC,
  'GET /api/registry': READERS,
  'POST /api/registry': ADMINS,
  'POST /api/registry/:id': ADMINS,
  'POST /api/registry/:id/retire': ADMINS,
  'POST /api/registry/:id/restore': ADMINS,
  'POST /api/records/:type': TRIAGERS,
  'POST /api/records/:type/:id': TRIAGERS,
  'POST /api/records/:type/:id/purge': ADMINS,
  'GET /api/records/:type': READERS,
  'GET /api/records/:type/:id': READERS,
  'POST /api/acts/:id/detention': TRIAGERS,
  'GET /api/acts/:id/detention': READERS,
  'POST /api/acts/:id/transfers': TRIAGERS,
  'GET /api/board/held': READERS,
  'GET /api/board/due': READERS,
  'POST /api/attachments': TRIAGERS,
  'GET /api/attachments': READERS,
  'GET /api/attachments/:id/:part': READERS,
  'POST /api/attachments/:id/custody': TRIAGERS,
  'GET /api/attachments/:id/custody': READERS,
  'POST /status/evidence': PUBLIC,
  'POST /api/evidence': PUBLIC,
  'GET /counts': PUBLIC,
  'GET /counts.json': PUBLIC,
  'GET /counts.atom': PUBLIC,
  'GET /api/transparency': ADMINS,
  'POST /api/transparency': ADMINS,
  'GET /rights': PUBLIC,
  'GET /safety': PUBLIC,
  'GET /api/guides': COORDINATORS,
  'POST /api/guides/:kind': COORDINATORS,
  'POST /api/settings': ADMINS,
  'POST /api/bundles/exported': COORDINATORS,
  'GET /api/bundles/:id': COORDINATORS,
  'POST /api/bundles/import': COORDINATORS,
  'GET /api/provenance/:id': READERS,
  'GET /alerts': PUBLIC,
  'GET /alerts.atom': PUBLIC,
  'GET /alerts/:id': PUBLIC,
  'POST /alerts/subscribe': PUBLIC,
  'GET /alerts/confirm/:token': PUBLIC,
  'POST /alerts/confirm/:token': PUBLIC,
  'GET /alerts/unsubscribe/:token': PUBLIC,
  'POST /alerts/unsubscribe/:token': PUBLIC,
  'GET /api/alerts': COORDINATORS,
  'GET /api/alerts/subscribers': COORDINATORS,
  'POST /api/alerts': COORDINATORS,
  'POST /api/alerts/:id/correct': COORDINATORS,
  'POST /api/alerts/:id/withdraw': COORDINATORS,
  'GET /api/alerts/:id/deliveries': COORDINATORS,
  'POST /api/alerts/:id/retry': COORDINATORS,
  'GET /api/webhooks': ADMINS,
  'POST /api/webhooks': ADMINS,
  'POST /api/webhooks/:id/remove': ADMINS,
  'GET /api/situation': COORDINATORS,
  'GET /api/documents/people': COORDINATORS,
  'POST /api/documents/audit': COORDINATORS,
  'POST /api/documents/appeal-sent': COORDINATORS,
  'GET /api/dashboard': READERS,
  'GET /api/dashboard/acts': READERS,
  'GET /api/export': READERS,
  'GET /api/pow': PUBLIC,
  'GET /api/linkage/decisions': TRIAGERS,
  'POST /api/linkage/merges': TRIAGERS,
  'POST /api/linkage/merges/:id/undo': TRIAGERS,
  'POST /api/linkage/distinct': TRIAGERS,
  'POST /api/linkage/distinct/forget': TRIAGERS,
  'GET /api/estimate/histories': COORDINATORS,
  'GET /api/channels': READERS,
  'GET /api/backups': ADMINS,
  'POST /api/channels': COORDINATORS,
  'POST /api/channels/:id': COORDINATORS,
  'POST /api/channels/:id/retire': COORDINATORS,
  'POST /api/channels/:id/restore': COORDINATORS,
  'POST /api/sources/:id/channel': COORDINATORS,
  'GET /api/lockdown': PUBLIC,
  'POST /api/lockdown': ADMINS,
};

const SAMPLE_PARAMS: Record<string, string> = {
  ':id': '00000000-0000-4000-8000-000000000000',
  ':token': 'x'.repeat(32),
  ':type': 'incident',
  ':part': 'working',
  ':kind': 'rights',
  '*': 'missing.js',
};

for (const backend of BACKENDS) {
  describe(`access matrix on ${backend}`, () => {
    let server: TestServer;
    const sessions = new Map<Actor, LoggedIn>();

    before(async () => {
      server = await startTestServer(backend);
      await setUpOrganization(server);
      const admin = await logIn(server);
      sessions.set('admin', admin);
      for (const role of ['viewer', 'documenter', 'coordinator'] as const) sessions.set(role, await addMember(server, admin, role, `${role}@example.org`));
      const { token } = await invite(admin, 'documenter');
      await acceptInvitation(server, token, 'invited@example.org', 'invited passphrase x');
      sessions.set('invited', await logIn(server, 'invited@example.org', 'invited passphrase x'));
    });
    after(async () => {
      await server?.close();
    });

    it('every registered route has an entry, and every entry a route', () => {
      const registered = server.routes.map((r) => `${r.method} ${r.url}`);
      const missing = registered.filter((r) => !(r in MATRIX));
      assert.deepEqual(missing, [], 'routes with no entry in the access matrix');
      assert.deepEqual(Object.keys(MATRIX).filter((k) => !registered.includes(k)), [], 'entries with no route');
    });

    it('allows and refuses each route exactly as the matrix says', async () => {
      const failures: string[] = [];
      for (const route of server.routes) {
        const key = `${route.method} ${route.url}`;
        const path = route.url.replace(/:\w+|\*/g, (p) => SAMPLE_PARAMS[p] ?? p);
        for (const actor of ACTORS) {
          const session = sessions.get(actor);
          const headers: Record<string, string> = { [CSRF_HEADER]: '1' };
          if (session) headers.cookie = session.cookie;
          // Logging out would end the session the rest of the matrix needs: use a fresh one.
          if (key === 'POST /api/auth/logout' && session) continue;
          if (key === 'POST /api/sessions/end-all' && actor === 'admin') continue;
          const init: RequestInit = { method: route.method, headers };
          if (route.method === 'POST') {
            headers['content-type'] = 'application/json';
            init.body = '{}';
          }
          const response = await fetch(`${server.url}${path}`, init);
          await response.arrayBuffer();
          const refused = response.status === 401 || response.status === 403;
          const allowed = MATRIX[key]?.includes(actor) ?? false;
          if (allowed === refused) failures.push(`${key} as ${actor}: ${response.status} (expected ${allowed ? 'allowed' : 'refused'})`);
          if (response.status >= 500) failures.push(`${key} as ${actor}: ${response.status}`);
        }
      }
      assert.deepEqual(failures, []);
    });
  });
}
