import type { Hono } from 'hono';
import { errorBody } from './errors.js';

/**
 * Answers a method a path does not take with 405 and an `Allow` header listing the ones it does,
 * read from the routes already registered (so the list cannot drift from them). Call it last.
 */
export function refuseOtherMethods(app: Hono): void {
  const allowed = new Map<string, Set<string>>();
  for (const route of app.routes) {
    if (route.method === 'ALL') continue; // middleware
    const methods = allowed.get(route.path) ?? new Set<string>();
    methods.add(route.method);
    // Hono answers HEAD with the GET handler.
    if (route.method === 'GET') methods.add('HEAD');
    allowed.set(route.path, methods);
  }
  for (const [path, methods] of allowed) {
    const allow = [...methods].join(', ');
    app.all(path, (c) => {
      c.header('Allow', allow);
      return c.json(errorBody('method-not-allowed', `${c.req.method} is not allowed on ${c.req.path}; allowed: ${allow}`), 405);
    });
  }
}
