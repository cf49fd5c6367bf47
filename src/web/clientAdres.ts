import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/** The address of the client, for the sign-in limiter (hashed before any use, never logged as is). */
export function readClientAdres(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'onbekend';
  } catch {
    return 'onbekend';
  }
}
