import type { ProviderContext } from './pending.ts';
import type { SelectedPact, Selection, WipHead } from './select-pacts.ts';

/** A message for the verifier to print; every value is a string (the Rust verifier insists). */
export interface VerificationNotice {
  when: string;
  text: string;
}

const unique = (items: string[]) => [...new Set(items)];

function shortFor(s: Selection): string {
  switch (s.kind) {
    case 'mainBranch':
      return 'latest from main branch';
    case 'matchingBranch':
      return `latest from matching branch ${s.branch}`;
    case 'branch':
      return s.fallback ? `latest from fallback branch ${s.branch}` : `latest from branch ${s.branch}`;
    case 'tag':
      if (!s.latest) return `one of ${s.tag}`;
      return s.fallback ? `latest with fallback tag ${s.tag}` : `latest with tag ${s.tag}`;
    case 'deployed':
      return `deployed to ${s.environment}`;
    case 'released':
      return `released to ${s.environment}`;
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

function criterion(s: Selection): string {
  const c = s.publication.consumerName;
  const v = s.publication.consumerVersionNumber;
  switch (s.kind) {
    case 'mainBranch':
      return `latest version of ${c} from the main branch '${s.branch ?? ''}' (${v})`;
    case 'matchingBranch':
      return `latest version of ${c} from branch '${s.branch}', matching the provider version branch (${v})`;
    case 'branch':
      return `latest version of ${c} from ${s.fallback ? 'fallback ' : ''}branch '${s.branch}' (${v})`;
    case 'tag':
      return s.latest
        ? `latest version of ${c} with ${s.fallback ? 'fallback ' : ''}tag '${s.tag}' (${v})`
        : `one of the versions of ${c} with tag '${s.tag}' (${v})`;
    case 'deployed':
      return `version of ${c} currently deployed to ${s.environment} (${v})`;
    case 'released':
      return `version of ${c} released and supported in ${s.environment} (${v})`;
    default:
      return `latest version of ${c} (${v})`;
  }
}

function providerScope(ctx: ProviderContext): string {
  if (ctx.branch !== undefined) return ` from branch '${ctx.branch}'`;
  if (ctx.tags.length > 0) return ` with tag ${ctx.tags.map((t) => `'${t}'`).join(', ')}`;
  return '';
}

function inheritance(ctx: ProviderContext): string {
  if (ctx.branch !== undefined) return ` (or a version from another branch before '${ctx.branch}' was created)`;
  return '';
}

function pendingNotices(pact: SelectedPact, ctx: ProviderContext): VerificationNotice[] {
  const p = ctx.providerName;
  const scope = providerScope(ctx);
  if (!pact.pending?.pending) {
    return [
      {
        when: 'before_verification',
        text: `This pact has previously been successfully verified by a version of ${p}${scope}${inheritance(ctx)}. If this verification fails, it will fail the build. Read more at https://docs.pact.io/go/pending`,
      },
    ];
  }
  return [
    {
      when: 'before_verification',
      text: `This pact is in pending state for this version of ${p} because a successful verification result for a version of ${p}${scope} has not yet been published. If this verification fails, it will not cause the overall build to fail. Read more at https://docs.pact.io/go/pending`,
    },
    {
      when: 'after_verification:success_true_published_false',
      text: `This pact is still in pending state for ${p}${scope} as the successful verification results have not yet been published.`,
    },
    {
      when: 'after_verification:success_false_published_false',
      text: `This pact is still in pending state for ${p}${scope} as a successful verification result has not yet been published. Failing this verification will not cause the build to fail.`,
    },
    {
      when: 'after_verification:success_true_published_true',
      text: `This pact is no longer in pending state for ${p}${scope}. The successful verification result for this version was published and recorded.`,
    },
    {
      when: 'after_verification:success_false_published_true',
      text: `This pact is still in pending state for ${p}${scope} as a successful verification result has not yet been published. Failing this verification will not cause the build to fail.`,
    },
  ];
}

export function verificationNotices(
  pact: SelectedPact,
  url: string,
  ctx: ProviderContext,
  includePendingStatus: boolean,
): VerificationNotice[] {
  const notices: VerificationNotice[] = [];
  if (pact.wip) {
    const heads = unique(
      pact.wipHeads.map((h) =>
        h.kind === 'branch'
          ? `the pact for the latest version of ${h.publication.consumerName} from branch '${h.name}' (${h.publication.consumerVersionNumber})`
          : `the pact for the latest version of ${h.publication.consumerName} with tag '${h.name}' (${h.publication.consumerVersionNumber})`,
      ),
    );
    notices.push({
      when: 'before_verification',
      text: `The pact at ${url} is being verified because it is a 'work in progress' pact (ie. it is ${heads.join(' and ')} and is still in pending state). Read more at https://docs.pact.io/go/wip`,
    });
  } else {
    const criteria = unique(pact.selections.map(criterion));
    const plural = criteria.length > 1;
    notices.push({
      when: 'before_verification',
      text: `The pact at ${url} is being verified because the pact content belongs to the consumer version${plural ? 's' : ''} matching the following criteri${plural ? 'a' : 'on'}:\n${criteria.map((c) => `    * ${c}`).join('\n')}`,
    });
  }
  if (includePendingStatus || pact.wip) notices.push(...pendingNotices(pact, ctx));
  return notices;
}
