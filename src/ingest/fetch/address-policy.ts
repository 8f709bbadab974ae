import { isIP } from 'node:net';

/**
 * Whether an IP address is private, loopback, link-local or otherwise not on the public internet
 * (IPv4 and IPv6, including IPv4-mapped IPv6). Why: a URL given to a server-side fetcher can point
 * at the machine itself or its network ("http://169.254.169.254/" is a cloud metadata service).
 * Fails on: none known for literal addresses; names are resolved before this check.
 */
export function isNonPublicAddress(address: string): boolean {
  const kind = isIP(address);
  if (kind === 4) return nonPublicV4(address);
  if (kind === 6) return nonPublicV6(address.toLowerCase());
  return true;
}

function nonPublicV4(address: string): boolean {
  const [a, b] = address.split('.').map(Number) as [number, number, number, number];
  return (
    a === 0 || // "this" network
    a === 10 || // private
    a === 127 || // loopback
    (a === 100 && b >= 64 && b <= 127) || // carrier-grade NAT
    (a === 169 && b === 254) || // link-local (cloud metadata)
    (a === 172 && b >= 16 && b <= 31) || // private
    (a === 192 && b === 168) || // private
    (a === 192 && b === 0) || // IETF protocol assignments
    (a === 198 && (b === 18 || b === 19)) || // benchmarking
    a >= 224 // multicast and reserved
  );
}

function nonPublicV6(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (mapped) return nonPublicV4(mapped[1]!);
  if (address === '::' || address === '::1') return true;
  const head = parseInt(address.split(':')[0] || '0', 16);
  return (
    (head & 0xfe00) === 0xfc00 || // unique local fc00::/7
    (head & 0xffc0) === 0xfe80 || // link-local fe80::/10
    (head & 0xff00) === 0xff00 || // multicast
    address.startsWith('64:ff9b:') || // NAT64 can reach private IPv4
    address.startsWith('2001:db8:') // documentation
  );
}
