import { BrokerValidationError } from '../errors.ts';
import type { RackHash, RackValue } from './rack-query.ts';
import type { LatestBy } from './rows.ts';

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
  latestby?: LatestBy;
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

/**
 * `ignore[]=Name` and `ignore[][pacticipant]=&ignore[][version]=`; anything but an array ignores nothing, as in the
 * real broker. A hash without a name is an error for the matrix and dropped by can-i-deploy (`errors` undefined).
 */
function ignoresFrom(value: RackValue | undefined, errors?: string[]): IgnoreSelector[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    if (typeof item === 'string') return item.trim() === '' ? [] : [{ pacticipant: item }];
    if (!isHash(item)) return [];
    const pacticipant = text(item.pacticipant);
    const version = text(item.version);
    if (pacticipant === undefined) {
      errors?.push('Please specify the pacticipant name to ignore');
      return [];
    }
    if (version !== undefined && flag(item.latest)) {
      errors?.push(`A version number and latest flag cannot both be specified for ${pacticipant} to ignore`);
    }
    return [{ pacticipant, ...(version !== undefined ? { version } : {}) }];
  });
}

/** The real broker's checks of the options: one destination at most, latest not with an environment, a limit ≥ 1. */
function checkOptions(params: RackHash, errors: string[]): void {
  const mainBranch = flag(params.mainBranch) || flag(params.main_branch);
  const destinations = [text(params.tag), text(params.environment), mainBranch || undefined];
  if (destinations.filter((d) => d !== undefined).length > 1) {
    errors.push('Cannot specify more than one of tag, environment and mainBranch.');
  }
  if (flag(params.latest) && text(params.environment) !== undefined) {
    errors.push('Cannot specify both latest=true and an environment.');
  }
  const limit = text(params.limit);
  // Ruby's to_i: leading digits count, anything else is 0.
  if (limit !== undefined && !(Number.parseInt(limit, 10) >= 1)) errors.push('The limit must be 1 or greater.');
}

const LATEST_BY: readonly LatestBy[] = ['cvp', 'cvpv', 'cp'];

function options(params: RackHash, errors: string[]): Omit<MatrixQuery, 'selectors'> {
  const latestby = text(params.latestby);
  const isLatestBy = (value: string | undefined): value is LatestBy => LATEST_BY.includes(value as LatestBy);
  if (latestby !== undefined && !isLatestBy(latestby)) {
    errors.push(`latestby must be one of ${LATEST_BY.join(', ')} (got '${latestby}')`);
  }
  const success =
    params.success === undefined
      ? undefined
      : list(params.success).map((v) => (v === 'true' ? true : v === 'false' ? false : null));
  checkOptions(params, errors);
  const limit = Number.parseInt(text(params.limit) ?? '100', 10);
  const tag = text(params.tag);
  const environment = text(params.environment);
  return {
    target: {
      latest: flag(params.latest),
      mainBranch: flag(params.mainBranch) || flag(params.main_branch),
      ...(tag !== undefined ? { tag } : {}),
      ...(environment !== undefined ? { environment } : {}),
    },
    ...(isLatestBy(latestby) ? { latestby } : {}),
    ignore: ignoresFrom(params.ignore, errors),
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
    if (selector?.version !== undefined && selector.latest) {
      errors.push(`A version number and latest flag cannot both be specified for ${selector.pacticipant}`);
    }
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
  const ignore = ignoresFrom(params.ignore);
  if (Object.keys(errors).length > 0) throw new BrokerValidationError(errors);
  const selector: MatrixSelector = { pacticipant: pacticipant as string };
  if (version !== undefined) selector.version = version;
  if (branch !== undefined) {
    selector.branch = branch;
    selector.latest = true;
  }
  // Deploying from the main branch is deploying its latest version.
  if (flag(params.mainBranch)) {
    selector.mainBranch = true;
    selector.latest = true;
  }
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
    ignore,
    limit: 100,
  };
}
