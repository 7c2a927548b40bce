import { BlockList, isIP } from 'node:net';

/** Where webhooks may send requests: the real broker's `webhook_scheme_whitelist` and `webhook_host_whitelist`. */
export interface WebhookAllowList {
  /** Lower-case URL schemes without the colon, e.g. `https`. */
  schemes: readonly string[];
  /**
   * Empty: any host. Otherwise a host must match one entry: an exact name, `*.example.com`, an IP address or
   * CIDR range (`10.0.0.0/8`), or a regular expression written `/…/`.
   */
  hosts: readonly string[];
}

function ipFamily(address: string): 'ipv4' | 'ipv6' | undefined {
  const version = isIP(address);
  return version === 4 ? 'ipv4' : version === 6 ? 'ipv6' : undefined;
}

function hostMatches(host: string, entry: string): boolean {
  if (entry.length > 2 && entry.startsWith('/') && entry.endsWith('/')) {
    return new RegExp(entry.slice(1, -1)).test(host);
  }
  const family = ipFamily(host);
  if (family) {
    const [range, bits] = entry.split('/');
    const rangeFamily = ipFamily(range ?? '');
    if (!rangeFamily || rangeFamily !== family) return false;
    const list = new BlockList();
    if (bits === undefined) list.addAddress(range as string, rangeFamily);
    else list.addSubnet(range as string, Number(bits), rangeFamily);
    return list.check(host, family);
  }
  const name = entry.toLowerCase();
  if (name.startsWith('*.')) return host.endsWith(name.slice(1)) && host.length > name.length - 1;
  return host === name;
}

/** Why the URL may not be called, or undefined when it may. */
export function allowListProblem(url: string, allow: WebhookAllowList): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'is not a valid URL';
  }
  const scheme = parsed.protocol.replace(/:$/, '').toLowerCase();
  if (!allow.schemes.includes(scheme)) {
    return `scheme must be ${allow.schemes.join(' or ')} (BROKER_WEBHOOK_SCHEME_WHITELIST), not ${scheme}`;
  }
  const host = parsed.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (allow.hosts.length > 0 && !allow.hosts.some((entry) => hostMatches(host, entry))) {
    return `host ${host} is not in BROKER_WEBHOOK_HOST_WHITELIST`;
  }
  return undefined;
}
