import type { MiddlewareHandler } from 'hono';

const JSON_TYPE = /^application\/(?:problem\+)?json\b/i;

/**
 * Gives a JSON answer (`c.json`, a problem) its Content-Length, so that `compress()`, which runs
 * around it, leaves the ones under its threshold (1 KiB) as they are: without a length it
 * compressed every answer, even a 400-byte booking, through a web-stream gzip that cost more CPU
 * than the rest of the answer's writing and saved nothing on the wire (a packet either way).
 * Larger answers are compressed as before. JSON answers are built whole, never streamed.
 */
export const jsonLength: MiddlewareHandler = async (c, next) => {
  await next();
  const res = c.res;
  if (
    res.status === 204 ||
    res.status === 304 ||
    res.headers.has('content-length') ||
    !JSON_TYPE.test(res.headers.get('content-type') ?? '')
  )
    return;
  const text = await res.text();
  const headers = new Headers(res.headers);
  headers.set('content-length', String(Buffer.byteLength(text)));
  // Cleared first: Hono's setter would otherwise copy the spent answer into the new one.
  c.res = undefined;
  c.res = new Response(text, { status: res.status, headers });
};
