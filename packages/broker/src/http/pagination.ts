import { BrokerValidationError } from '../errors.ts';
import { link } from '../hal.ts';

/** A page of a list: which page (from 1) and how many items a page holds. */
export interface PageRequest {
  number: number;
  size: number;
}

/** What a paged query gives back: the page's items and how many there are in all. */
export interface Page<T> {
  items: T[];
  total: number;
}

/** The real broker's page size when only a page number is given. */
const DEFAULT_SIZE = 100;

function positive(query: Record<string, unknown>, key: string, errors: Record<string, string[]>) {
  const value = query[key];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || !/^\d+$/.test(value) || Number(value) < 1) {
    errors[key] = ['must be an integer of at least 1'];
    return undefined;
  }
  return Number(value);
}

/**
 * `page` and `size` (or the older `pageNumber` and `pageSize`, read only when neither of the first two is given),
 * as the real broker takes them; undefined when the client asked for no page, and the whole list is answered.
 */
export function pageRequest(query: unknown): PageRequest | undefined {
  const q = (typeof query === 'object' && query !== null ? query : {}) as Record<string, unknown>;
  const errors: Record<string, string[]> = {};
  const page = positive(q, 'page', errors);
  const size = positive(q, 'size', errors);
  const pageNumber = positive(q, 'pageNumber', errors);
  const pageSize = positive(q, 'pageSize', errors);
  if (Object.keys(errors).length > 0) throw new BrokerValidationError(errors);
  if (page !== undefined || size !== undefined) return { number: page ?? 1, size: size ?? DEFAULT_SIZE };
  if (pageNumber !== undefined || pageSize !== undefined) {
    return { number: pageNumber ?? 1, size: pageSize ?? DEFAULT_SIZE };
  }
  return undefined;
}

/** Rows to skip and take for a page. */
export function pageWindow(page: PageRequest): { offset: number; limit: number } {
  return { offset: (page.number - 1) * page.size, limit: page.size };
}

/**
 * The `page` member and the `next`/`previous` links of a paged answer (nothing for an unpaged one): the links
 * keep the page size and point at the resource without any other query.
 */
export function pageSection(resourceUrl: string, page: PageRequest | undefined, total: number) {
  if (page === undefined) return { page: undefined, links: {} };
  const totalPages = Math.ceil(total / page.size);
  const at = (number: number) => `${resourceUrl}?size=${page.size}&page=${number}`;
  return {
    page: { number: page.number, size: page.size, totalElements: total, totalPages },
    links: {
      ...(page.number < totalPages ? { next: link(at(page.number + 1), { title: 'Next page' }) } : {}),
      ...(page.number > 1 ? { previous: link(at(page.number - 1), { title: 'Previous page' }) } : {}),
    },
  };
}
