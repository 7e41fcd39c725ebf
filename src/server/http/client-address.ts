// Who counts as one client. An IPv4 address is one; an IPv6 address is its /64, since anyone with
// a server has a whole /64 to draw fresh addresses from — counting each would give one attacker
// endless fresh shares.
import ipaddr from 'ipaddr.js';

export function clientAddress(address: string): string {
  try {
    const parsed = ipaddr.process(address);
    if (parsed.kind() === 'ipv4') return parsed.toString();
    return `${(parsed as ipaddr.IPv6).parts.slice(0, 4).map((p) => p.toString(16)).join(':')}::/64`;
  } catch {
    return address;
  }
}
