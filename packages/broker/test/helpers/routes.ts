import type { FastifyInstance } from 'fastify';

export interface ServedRoute {
  method: string;
  url: string;
}

/**
 * Every route fastify serves, read back from its own route tree (`printRoutes`): a route added later is in this
 * list without anyone editing the tests that use it.
 */
export function routesOf(app: FastifyInstance): ServedRoute[] {
  const routes: ServedRoute[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^([│ ├└─]*?)[├└]── (\S+)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = ((match[1] ?? '').length + 4) / 4 - 1;
    stack.length = depth;
    const url = `${stack.at(-1) ?? ''}${match[2]}`.replace(/^\/\//, '/');
    stack.push(url);
    for (const method of (match[3] ?? '').split(', ').filter(Boolean)) routes.push({ method, url });
  }
  return routes;
}
