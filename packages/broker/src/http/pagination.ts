import { BrokerValidationError } from '../errors.ts';
import { link } from '../hal.ts';

/** A page asked for with the real broker's `page` (from 1) and `size` query parameters. */
export interface PageRequest {
  number: number;
  size: number;
  offset: number;
  limit: number;
}

export const DEFAULT_PAGE_SIZE = 100;
/** No page is larger: a list is never read whole into one answer. */
export const MAX_PAGE_SIZE = 1000;

function positive(value: unknown, field: string, errors: Record<string, string[]>): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^[1-9]\d{0,8}$/.test(value)) {
    errors[field] = ['must be a positive integer'];
    return undefined;
  }
  return Number(value);
}

/** Reads `page` and `size`; a value that is not a positive integer is a 400 naming it, as in the real broker. */
export function parsePage(query: unknown): PageRequest {
  const q = (typeof query === 'object' && query !== null ? query : {}) as Record<string, unknown>;
  const errors: Record<string, string[]> = {};
  const number = positive(Object.hasOwn(q, 'page') ? q.page : undefined, 'page', errors) ?? 1;
  const size = Math.min(
    positive(Object.hasOwn(q, 'size') ? q.size : undefined, 'size', errors) ?? DEFAULT_PAGE_SIZE,
    MAX_PAGE_SIZE,
  );
  if (Object.keys(errors).length > 0) throw new BrokerValidationError(errors);
  return { number, size, offset: (number - 1) * size, limit: size };
}

/** The `page` member and the `next`/`previous` links of a paginated HAL list. */
export function pageDetails(resourceUrl: string, page: PageRequest, totalElements: number) {
  const totalPages = Math.ceil(totalElements / page.size);
  const at = (n: number) => `${resourceUrl}?size=${page.size}&page=${n}`;
  return {
    page: { number: page.number, size: page.size, totalElements, totalPages },
    links: {
      ...(page.number < totalPages ? { next: link(at(page.number + 1), { title: 'Next page' }) } : {}),
      ...(page.number > 1 ? { previous: link(at(page.number - 1), { title: 'Previous page' }) } : {}),
    },
  };
}
