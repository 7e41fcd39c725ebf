// What `npm start` says about the network's limits, so an operator sees them before an attack does.
import type { Network } from '../config/network.ts';
import { connectionLimits, DESCRIPTOR_HEADROOM } from './connections.ts';
import { openFileLimit } from './open-files.ts';

export function describeNetwork(network: Network): string {
  const files = openFileLimit();
  const limits = connectionLimits(network, files?.soft ?? null);
  const lines = [
    files
      ? `Open files: ${files.soft} allowed (hard limit ${files.hard}); ${DESCRIPTOR_HEADROOM} kept for the database and files.`
      : 'Open files: limit unknown on this system.',
    `Connections: at most ${limits.total} at once, ${limits.perClient} per client address.`,
    `Timeouts: headers ${network.headersSeconds} s, idle ${network.idleSeconds} s, a whole request ${network.requestSeconds} s; a body must average ${network.bodyMinBytesPerSecond} bytes/s after ${network.bodyGraceSeconds} s.`,
    network.trustProxy.length > 0
      ? `Trusting X-Forwarded-For from: ${network.trustProxy.join(', ')}.`
      : 'No proxy trusted (VIGIL_TRUST_PROXY): each socket address is one client.',
  ];
  if (files && files.soft < 4096) lines.push(`Warning: only ${files.soft} open files; raise the hard limit (LimitNOFILE= in the service unit, or ulimit -Hn) for more connections.`);
  return lines.join('\n');
}
