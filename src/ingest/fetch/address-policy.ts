import { BlockList, isIP } from 'node:net';

/**
 * Addresses not on the public internet. Node's BlockList checks an IPv4-mapped IPv6 address
 * against the IPv4 rules in every spelling (`::ffff:127.0.0.1`, `::ffff:7f00:1`), which a pattern
 * over the text of the address misses (the URL parser writes the hex form).
 */
const NON_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this" network
  ['10.0.0.0', 8], // private
  ['127.0.0.0', 8], // loopback
  ['100.64.0.0', 10], // carrier-grade NAT
  ['169.254.0.0', 16], // link-local (cloud metadata)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 3], // multicast and reserved
] as const)
  NON_PUBLIC.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 96], // unspecified, loopback and IPv4-compatible (::a.b.c.d)
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
  ['64:ff9b::', 96], // NAT64 can reach private IPv4
  ['64:ff9b:1::', 48], // local-use NAT64
  ['2002::', 16], // 6to4 carries any IPv4 address, private ones included
  ['2001:db8::', 32], // documentation
] as const)
  NON_PUBLIC.addSubnet(network, prefix, 'ipv6');

/**
 * Whether an IP address is private, loopback, link-local or otherwise not on the public internet
 * (IPv4 and IPv6, including IPv4-mapped IPv6 in any spelling). Why: a URL given to a server-side
 * fetcher can point at the machine itself or its network ("http://169.254.169.254/" is a cloud
 * metadata service). Anything that is not an IP address is refused.
 */
export function isNonPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const kind = isIP(bare);
  if (kind === 0) return true;
  return NON_PUBLIC.check(bare, kind === 4 ? 'ipv4' : 'ipv6');
}
