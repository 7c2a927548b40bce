import type { FastifyInstance } from 'fastify';
import { CommonErrorCodes, ServiceError } from './errors.ts';

export const unsafeNumberMessage = 'must be a finite number, and a whole one between -(2^53 - 1) and 2^53 - 1';
export const nulMessage = 'must not contain the NUL character (U+0000)';

interface Finding {
  location: string;
  path: string;
  keyword: 'safeNumber' | 'noNul';
  params: Record<string, never>;
  message: string;
}

function isSafeNumber(value: number): boolean {
  return Number.isFinite(value) && (!Number.isInteger(value) || Number.isSafeInteger(value));
}

function pointer(path: string, key: string): string {
  return `${path}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
}

/**
 * The first value under `value`, in document order, that no database here can store faithfully. Walked with an
 * explicit stack: a body may nest deeper than the call stack goes.
 */
function findUnsafe(location: string, value: unknown): Finding | undefined {
  const pending: [string, unknown][] = [['', value]];
  while (pending.length > 0) {
    const [path, item] = pending.pop() as [string, unknown];
    if (typeof item === 'string') {
      if (item.includes('\u0000')) return { location, path, keyword: 'noNul', params: {}, message: nulMessage };
    } else if (typeof item === 'number') {
      if (!isSafeNumber(item)) {
        return { location, path, keyword: 'safeNumber', params: {}, message: unsafeNumberMessage };
      }
    } else if (typeof item === 'object' && item !== null) {
      const entries = Object.entries(item);
      for (let i = entries.length - 1; i >= 0; i -= 1) {
        const [key, child] = entries[i] as [string, unknown];
        if (key.includes('\u0000')) {
          return { location, path: pointer(path, key), keyword: 'noNul', params: {}, message: nulMessage };
        }
        pending.push([pointer(path, key), child]);
      }
    }
  }
  return undefined;
}

/**
 * Refuses, after schema validation and before any handler, what the schemas let through and the databases cannot
 * take: non-finite numbers and integers beyond 2^53 - 1 (ajv coerces the strings "Infinity" and "1e400" to
 * Infinity and then skips `minimum`/`maximum`), and strings with NUL (PostgreSQL text cannot hold U+0000).
 * The answer is the ordinary 400 VALIDATION_FAILED with ajv-style details.
 */
export function registerInputGuards(app: FastifyInstance): void {
  app.addHook('preHandler', async (request) => {
    const parts: [string, unknown][] = [
      ['params', request.params],
      ['querystring', request.query],
      ['body', request.body],
    ];
    for (const [location, value] of parts) {
      const finding = findUnsafe(location, value);
      if (finding) {
        throw new ServiceError(
          400,
          CommonErrorCodes.validationFailed,
          `${location}${finding.path} ${finding.message}`,
          { details: [finding] },
        );
      }
    }
  });
}
