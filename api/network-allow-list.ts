import type { RequestHandler } from 'express';
import ipaddr from 'ipaddr.js';
import { HttpError } from './errors';

/**
 * Only callers from these networks (CIDR, IPv4 or IPv6, e.g. "10.20.0.0/16") reach the API: for
 * intranet installations. The peer address of the connection counts, never a forwarded header.
 * Throws at start-up naming a network that is not CIDR.
 */
export function networkAllowList(cidrs: string[]): RequestHandler {
  const ranges = cidrs.map((c) => {
    try {
      return ipaddr.parseCIDR(c.trim());
    } catch {
      throw new Error(`API_ALLOW_NETWORKS: "${c}" is not a network in CIDR notation (e.g. 10.20.0.0/16)`);
    }
  });
  return (req, _res, next) => {
    const peer = req.socket.remoteAddress;
    const address = peer && ipaddr.isValid(peer) ? ipaddr.process(peer) : undefined;
    const allowed = address && ranges.some(([net, bits]) => address.kind() === net.kind() && address.match(net, bits));
    next(allowed ? undefined : new HttpError(403, 'network_not_allowed', 'the API is not open to your network'));
  };
}
