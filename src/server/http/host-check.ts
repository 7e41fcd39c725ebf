// The Host header is checked before anything else runs. In a DNS rebinding attack a page the
// adversary serves (say, a news site a member visits) makes its own name resolve to the address of
// this server, then reads the answers and sends the public forms and /api/auth/* from the
// member's browser, as if from inside their network. The browser still sends the adversary's name
// as Host, so answering only the names Vigil is reached at defeats it.
//
// Accepted: the host of VIGIL_PUBLIC_URL, the names in VIGIL_HOSTS (e.g. an .onion address) and,
// when Vigil listens on loopback, localhost, 127.0.0.1 and [::1] with the listening port (and the
// onion service's port, VIGIL_ONION_PORT).
// Anything else, a missing Host included (HTTP/1.0), gets 421 Misdirected Request.
import type { AddressInfo } from 'node:net';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pickLanguage } from '../../core/i18n/index.ts';
import { errorText } from '../../core/i18n/error-words.ts';
import { LANGUAGES, type Language } from '../../core/i18n/languages.ts';
import { errorPage } from '../pages/error.ts';
import { NEUTRAL_TITLE } from '../context.ts';
import { sendPage } from './pages.ts';
import { normalHost } from '../config/hosts.ts';

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];
const DEFAULT_PORTS = ['80', '443'];

/** A name without a port may be reached on a default port, written out or not. */
function withPorts(host: string, defaults: readonly string[]): string[] {
  return host.includes(':') && !host.endsWith(']') ? [host] : [host, ...defaults.map((p) => `${host}:${p}`)];
}

function isLoopbackOrAny(address: string): boolean {
  // Listening on every address includes loopback.
  return /^(127\.|::ffff:127\.)/.test(address) || ['::1', '0.0.0.0', '::'].includes(address);
}

export function allowedHosts(publicUrl: string, extraHosts: readonly string[], listening: AddressInfo | null, onionPort = 0): Set<string> {
  const url = new URL(publicUrl);
  const hosts = url.port ? [`${url.hostname}:${url.port}`] : withPorts(url.hostname, [url.protocol === 'https:' ? '443' : '80']);
  hosts.push(...extraHosts.flatMap((h) => withPorts(h, DEFAULT_PORTS)));
  if (listening && isLoopbackOrAny(listening.address)) {
    hosts.push(...LOOPBACK_NAMES.flatMap((n) => (listening.port === 80 ? [n, `${n}:80`] : [`${n}:${listening.port}`])));
  }
  // The onion service's own port listens on loopback (Tor Browser sends the .onion name: VIGIL_HOSTS).
  if (onionPort) hosts.push(...LOOPBACK_NAMES.map((n) => `${n}:${onionPort}`));
  return new Set(hosts.map(normalHost).filter((h) => h !== null));
}

/** The onRequest hook; register it before anything that reads, counts or stores. */
export function hostCheck(app: FastifyInstance) {
  const { config } = app.vigil;
  // With PORT=0 the real port (and so VIGIL_PUBLIC_URL's default) is known only after listen, and
  // startServer rewrites config.publicUrl then: the set is rebuilt when the address changes.
  let known: { publicUrl: string; hosts: Set<string> } | null = null;
  const allowed = () => {
    if (known?.publicUrl !== config.publicUrl) {
      const address = app.server.address();
      known = { publicUrl: config.publicUrl, hosts: allowedHosts(config.publicUrl, config.hosts, typeof address === 'object' ? address : null, config.network.onionPort) };
    }
    return known.hosts;
  };

  return async function checkHost(request: FastifyRequest, reply: FastifyReply) {
    // request.host is X-Forwarded-Host only from a proxy VIGIL_TRUST_PROXY trusts, else Host.
    const host = normalHost(request.host);
    if (host !== null && allowed().has(host)) return;
    return refuse(request, reply);
  };

  /**
   * The answer may be read by the adversary's page, so it carries nothing of this organization
   * (no title, no guides, no database read): only the message, in the reader's language.
   */
  function refuse(request: FastifyRequest, reply: FastifyReply) {
    const lang: Language = pickLanguage((request.query as Record<string, unknown> | undefined)?.lang, request.headers['accept-language'], LANGUAGES);
    if (request.url.startsWith('/api/')) return reply.code(421).send({ error: { code: 'wrong-host', message: errorText(lang, 'wrong-host') } });
    const neutral = { lang, siteTitle: NEUTRAL_TITLE, languages: LANGUAGES, exitUrl: config.exitUrl, timeZone: 'UTC', path: '/', script: null, attachmentMb: 0 };
    return sendPage(reply, 421, errorPage(neutral, 'wrong-host'));
  }
}
