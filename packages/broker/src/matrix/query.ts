import { BrokerValidationError } from '../errors.ts';
import type { RackHash, RackValue } from './rack-query.ts';

export interface MatrixSelector {
  pacticipant: string;
  version?: string;
  latest?: boolean;
  tag?: string;
  branch?: string;
  mainBranch?: boolean;
  environment?: string;
}

export interface IgnoreSelector {
  pacticipant: string;
  version?: string;
}

export interface MatrixQuery {
  selectors: MatrixSelector[];
  /** Where the other pacticipants' versions come from when only one selector is given. */
  target: { latest: boolean; tag?: string; environment?: string; mainBranch: boolean };
  latestby?: 'cvp' | 'cvpv';
  ignore: IgnoreSelector[];
  /** Rows to show by verification outcome (`null` = not verified); undefined = all. */
  success?: (boolean | null)[];
  limit: number;
}

const isHash = (value: RackValue | undefined): value is RackHash =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (value: RackValue | undefined): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;

const flag = (value: RackValue | undefined): boolean => value === 'true';

const list = (value: RackValue | undefined): RackValue[] =>
  value === undefined ? [] : Array.isArray(value) ? value : isHash(value) ? Object.values(value) : [value];

function selectorFrom(hash: RackHash): MatrixSelector | undefined {
  const pacticipant = text(hash.pacticipant);
  if (pacticipant === undefined) return undefined;
  const selector: MatrixSelector = { pacticipant };
  const version = text(hash.version);
  const tag = text(hash.tag);
  const branch = text(hash.branch);
  const environment = text(hash.environment);
  if (version !== undefined) selector.version = version;
  if (tag !== undefined) selector.tag = tag;
  if (branch !== undefined) selector.branch = branch;
  if (environment !== undefined) selector.environment = environment;
  if (flag(hash.latest)) selector.latest = true;
  if (flag(hash.mainBranch) || flag(hash.main_branch)) selector.mainBranch = true;
  return selector;
}

function ignoresFrom(value: RackValue | undefined): IgnoreSelector[] {
  return list(value).flatMap((item) => {
    if (typeof item === 'string') return item.trim() === '' ? [] : [{ pacticipant: item }];
    if (!isHash(item)) return [];
    const pacticipant = text(item.pacticipant);
    const version = text(item.version);
    return pacticipant === undefined ? [] : [{ pacticipant, ...(version !== undefined ? { version } : {}) }];
  });
}

function options(params: RackHash, errors: string[]): Omit<MatrixQuery, 'selectors'> {
  const latestby = text(params.latestby);
  if (latestby !== undefined && latestby !== 'cvp' && latestby !== 'cvpv') {
    errors.push(`latestby must be one of cvp, cvpv (got '${latestby}')`);
  }
  const success =
    params.success === undefined
      ? undefined
      : list(params.success).map((v) => (v === 'true' ? true : v === 'false' ? false : null));
  const limitText = text(params.limit);
  const limit = Number(limitText ?? '100');
  // A limit of 0 or less would hide every row and still answer: the real broker refuses it.
  if (limitText !== undefined && !(Number.isInteger(limit) && limit > 0)) {
    errors.push(`limit must be a positive integer (got '${limitText}')`);
  }
  const tag = text(params.tag);
  const environment = text(params.environment);
  return {
    target: {
      latest: flag(params.latest),
      mainBranch: flag(params.mainBranch) || flag(params.main_branch),
      ...(tag !== undefined ? { tag } : {}),
      ...(environment !== undefined ? { environment } : {}),
    },
    ...(latestby === 'cvp' || latestby === 'cvpv' ? { latestby } : {}),
    ignore: ignoresFrom(params.ignore),
    ...(success !== undefined ? { success } : {}),
    limit: Number.isInteger(limit) && limit > 0 ? limit : 100,
  };
}

/** `GET /matrix`: `q[][pacticipant]…` selectors and options, as Rack parsed them. */
export function parseMatrixQuery(params: RackHash): MatrixQuery {
  const errors: string[] = [];
  const selectors: MatrixSelector[] = [];
  for (const item of list(params.q)) {
    const selector = isHash(item) ? selectorFrom(item) : undefined;
    if (selector) selectors.push(selector);
    else errors.push('Please specify the pacticipant name');
  }
  if (selectors.length === 0 && errors.length === 0) errors.push('Please provide 1 or more version selectors.');
  const parsed = options(params, errors);
  if (errors.length > 0) throw new BrokerValidationError(errors);
  return { selectors, ...parsed };
}

/**
 * `GET /can-i-deploy?pacticipant=&version=&environment=|to=&ignore[]=`: one pacticipant version against the versions
 * of everything it integrates with in an environment (or with the latest `to` tag).
 */
export function parseCanIDeployQuery(params: RackHash): MatrixQuery {
  // By field, as the real broker's can-i-deploy answers (the matrix's own errors are a list).
  const errors: Record<string, string[]> = {};
  const pacticipant = text(params.pacticipant);
  const version = text(params.version);
  const branch = text(params.branch);
  const environment = text(params.environment);
  const to = text(params.to);
  if (pacticipant === undefined) errors.pacticipant = ['Please specify the pacticipant name'];
  if (version === undefined && branch === undefined && !flag(params.latest) && !flag(params.mainBranch)) {
    errors.version = ['Please specify the version, branch, latest=true or mainBranch=true'];
  }
  if (environment === undefined && to === undefined)
    errors.environment = ['Please specify the environment (or the to tag)'];
  if (Object.keys(errors).length > 0) throw new BrokerValidationError(errors);
  const selector: MatrixSelector = { pacticipant: pacticipant as string };
  if (version !== undefined) selector.version = version;
  if (branch !== undefined) {
    selector.branch = branch;
    selector.latest = true;
  }
  if (flag(params.mainBranch)) selector.mainBranch = true;
  if (flag(params.latest)) selector.latest = true;
  return {
    selectors: [selector],
    target: {
      latest: to !== undefined,
      mainBranch: false,
      ...(environment !== undefined ? { environment } : {}),
      ...(to !== undefined ? { tag: to } : {}),
    },
    // With an environment, several provider versions may be live at once: keep a row for each (pact_broker#903).
    latestby: environment !== undefined ? 'cvpv' : 'cvp',
    ignore: ignoresFrom(params.ignore),
    limit: 100,
  };
}
