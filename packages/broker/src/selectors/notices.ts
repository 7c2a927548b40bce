import type { ProviderContext } from '../db/pending-status.ts';
import type { SelectedPact, Selection, WipHead } from './select-pacts.ts';

/** A message for the verifier to print; every value is a string (the Rust verifier insists). */
export interface VerificationNotice {
  when: string;
  text: string;
}

const unique = (items: string[]) => [...new Set(items)];

/** Short descriptions, which Pact Go turns into test names: the real broker's words. */
function shortFor(s: Selection): string {
  switch (s.kind) {
    case 'mainBranch':
      return 'latest from main branch';
    case 'matchingBranch':
    case 'branch':
      return `latest from branch ${s.branch}`;
    case 'tag':
      if (!s.latest) return s.consumerFilter ? `one of ${s.consumerFilter} ${s.tag}` : `one of ${s.tag}`;
      return `latest with tag ${s.tag}`;
    case 'deployed':
      return `deployed to ${s.environment}`;
    case 'released':
      return `released in ${s.environment}`;
    default:
      return 'latest';
  }
}

function headShort(h: WipHead): string {
  return h.kind === 'branch' ? `latest from branch ${h.name}` : `latest with tag ${h.name}`;
}

export function shortDescription(pact: SelectedPact): string {
  if (pact.wip) return `${unique(pact.wipHeads.map(headShort)).join(', ')} (work in progress)`;
  return unique(pact.selections.map(shortFor)).join(', ');
}

/** `'a'`, `'a' and 'b'`, `'a', 'b' and 'c'`. */
function joinQuoted(words: string[]): string {
  const quoted = words.map((w) => `'${w}'`);
  return quoted.length <= 2 ? quoted.join(' and ') : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}

/** One criterion of the inclusion reason, as the real broker words it (the consumer only when the selector named it). */
function criterion(s: Selection): string {
  const named = s.consumerFilter;
  const version = named ? `version of ${named}` : 'version';
  const v = s.publication.consumerVersionNumber;
  switch (s.kind) {
    case 'mainBranch':
      return `latest ${version} from the main branch '${s.branch ?? ''}' (${v})`;
    case 'matchingBranch':
    case 'branch':
      return s.fallback
        ? `latest ${version} from branch '${s.branch}' (fallback branch used as no pact was found from branch '${s.requested}') (${v})`
        : `latest ${version} from branch '${s.branch}' (${v})`;
    case 'tag':
      if (!s.latest)
        return named
          ? `all ${named} versions tagged '${s.tag}' (${v})`
          : `all consumer versions tagged '${s.tag}' (${v})`;
      return s.fallback
        ? `latest ${version} tagged '${s.tag}' (fallback tag used as no pact was found with tag '${s.requested}') (${v})`
        : `latest ${version} tagged '${s.tag}' (${v})`;
    case 'deployed':
      return `${named ? `version(s) of ${named}` : 'consumer version(s)'} currently deployed to ${s.environment} (${v})`;
    case 'released':
      return `${named ? `version(s) of ${named}` : 'consumer version(s)'} released and supported in ${s.environment} (${v})`;
    default:
      return `latest version of ${named ?? 'a consumer'} that has a pact with ${s.publication.providerName} (${v})`;
  }
}

/** `a`, `a and b`, `a, b and c`. */
function joinUnquoted(words: string[]): string {
  return words.length <= 2 ? words.join(' and ') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/**
 * The criteria, with the deployed (and the released) versions of one consumer in one line, environments joined:
 * "consumer version(s) currently deployed to dev (3) and prod (2)".
 */
function criteriaOf(selections: Selection[]): string[] {
  const lines: string[] = [];
  const grouped = new Map<string, Selection[]>();
  for (const s of selections) {
    if (s.kind !== 'deployed' && s.kind !== 'released') {
      lines.push(criterion(s));
      continue;
    }
    const key = `${s.kind}:${s.consumerFilter ?? ''}`;
    if (!grouped.has(key)) {
      grouped.set(key, []);
      lines.push(key);
    }
    grouped.get(key)?.push(s);
  }
  return lines.map((line) => {
    const group = grouped.get(line);
    if (!group) return line;
    const [first] = group as [Selection];
    const who = first.consumerFilter ? `version(s) of ${first.consumerFilter}` : 'consumer version(s)';
    const where = joinUnquoted(unique(group.map((s) => `${s.environment} (${s.publication.consumerVersionNumber})`)));
    return `${who} ${first.kind === 'deployed' ? 'currently deployed to' : 'released and supported in'} ${where}`;
  });
}

const READ_MORE_PENDING = 'Read more at https://docs.pact.io/go/pending';

/** "a version of Bar from branch 'main'", "any versions of Bar with tag 'a' and 'b'", or just "Bar". */
function providerVersions(ctx: ProviderContext, tags: string[], anyOrA: 'any' | 'a'): string {
  const p = ctx.providerName;
  if (ctx.branch !== undefined) return `${anyOrA} version of ${p} from branch '${ctx.branch}'`;
  if (tags.length === 0) return p;
  if (tags.length === 1) return `${anyOrA} version of ${p} with tag '${tags[0]}'`;
  return `${anyOrA} versions of ${p} with tag ${joinQuoted(tags)}`;
}

function previouslyVerifiedBy(ctx: ProviderContext, tags: string[]): string {
  const p = ctx.providerName;
  if (ctx.branch !== undefined) return `a version of ${p} from branch '${ctx.branch}'`;
  if (tags.length === 0) return p;
  return `a version of ${p} with tag ${tags.length === 1 ? `'${tags[0]}'` : joinQuoted(tags)}`;
}

/** The pending reason, then (pending pacts only) what each verification outcome will mean. */
function pendingNotices(pact: SelectedPact, ctx: ProviderContext): VerificationNotice[] {
  const p = ctx.providerName;
  const pendingTags = pact.pending?.pendingTags.length ? pact.pending.pendingTags : ctx.tags;
  const nonPendingTags = pact.pending?.nonPendingTags.length ? pact.pending.nonPendingTags : ctx.tags;
  if (!pact.pending?.pending) {
    return [
      {
        when: 'before_verification',
        text: `This pact has previously been successfully verified by ${previouslyVerifiedBy(ctx, nonPendingTags)}. If this verification fails, it will fail the build. ${READ_MORE_PENDING}`,
      },
    ];
  }
  const any = providerVersions(ctx, pendingTags, 'any');
  const these = pendingTags.length === 0 ? '' : pendingTags.length === 1 ? 'with this tag ' : 'with these tags ';
  const stillPending = `This pact is still in pending state for ${any} as a successful verification result ${these}has not yet been published`;
  return [
    {
      when: 'before_verification',
      text: pact.wip
        ? `This pact is in pending state for this version of ${p} because it was included as a 'work in progress' pact. If this verification fails, it will not cause the overall build to fail. ${READ_MORE_PENDING}`
        : `This pact is in pending state for this version of ${p} because a successful verification result for ${providerVersions(ctx, pendingTags, 'a')} has not yet been published. If this verification fails, it will not cause the overall build to fail. ${READ_MORE_PENDING}`,
    },
    {
      when: 'after_verification:success_true_published_false',
      text: `This pact is still in pending state for ${any} as the successful verification results ${these}have not yet been published.`,
    },
    { when: 'after_verification:success_false_published_false', text: stillPending },
    {
      when: 'after_verification:success_true_published_true',
      text: `This pact is no longer in pending state for ${any}, as a successful verification result ${these}has been published. If a verification for a version of ${p} ${these}fails in the future, it will fail the build. ${READ_MORE_PENDING}`,
    },
    { when: 'after_verification:success_false_published_true', text: stillPending },
  ];
}

/** "from branch 'feat'", "tagged with 'a' and 'b'", and a note when several heads share the content. */
function wipHeads(heads: WipHead[]): string {
  const branches = unique(heads.filter((h) => h.kind === 'branch').map((h) => h.name));
  const tags = unique(heads.filter((h) => h.kind === 'tag').map((h) => h.name));
  const parts = [
    ...(branches.length > 0 ? [`from ${branches.length === 1 ? 'branch' : 'branches'} ${joinQuoted(branches)}`] : []),
    ...(tags.length > 0 ? [`tagged with ${joinQuoted(tags)}`] : []),
  ];
  const count = branches.length + tags.length;
  const note = count === 1 ? '' : count === 2 ? ' (both have the same content)' : ' (all have the same content)';
  return parts.join(' and ') + note;
}

export function verificationNotices(
  pact: SelectedPact,
  url: string,
  ctx: ProviderContext,
  includePendingStatus: boolean,
): VerificationNotice[] {
  const notices: VerificationNotice[] = [];
  if (pact.wip) {
    const [head] = pact.wipHeads;
    const consumer = head?.publication.consumerName ?? pact.consumerName;
    const heads = pact.wipHeads.length;
    notices.push({
      when: 'before_verification',
      text: `The pact at ${url} is being verified because it is a 'work in progress' pact (ie. it is the pact for the latest ${heads === 1 ? 'version' : 'versions'} of ${consumer} ${wipHeads(pact.wipHeads)} and it has not yet been successfully verified by ${providerVersions(ctx, pact.pending?.pendingTags.length ? pact.pending.pendingTags : ctx.tags, 'a')} when the pact's application version was explicitly specified in the consumer version selectors). Read more at https://docs.pact.io/go/wip`,
    });
  } else {
    const criteria = unique(criteriaOf(pact.selections));
    const plural = criteria.length > 1;
    notices.push({
      when: 'before_verification',
      text: `The pact at ${url} is being verified because the pact content belongs to the consumer version${plural ? 's' : ''} matching the following criteri${plural ? 'a' : 'on'}:\n${criteria.map((c) => `    * ${c}`).join('\n')}`,
    });
  }
  if (includePendingStatus || pact.wip) notices.push(...pendingNotices(pact, ctx));
  return notices;
}
