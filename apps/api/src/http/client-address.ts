import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * The client's address: the socket's peer, or behind a trusted reverse proxy the last address
 * it appended to X-Forwarded-For (the ones before it are the client's own claims).
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for');
    const last = forwarded?.split(',').at(-1)?.trim();
    if (last) return last;
  }
  try {
    return getConnInfo(c).remote.address ?? 'inconnue';
  } catch {
    // Requests made in process (tests) have no socket.
    return 'locale';
  }
}
