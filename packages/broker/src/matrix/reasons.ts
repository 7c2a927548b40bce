/**
 * Why can-i-deploy answered as it did, one entry per cause: a stable code a script can branch on, the sentence a
 * person reads, and what to do next, with the command to run when there is one. The codes are catalogued in the
 * broker README (can-i-deploy reasons); the commands are `contract-kit`'s, which wraps the official clients.
 */
export const ReasonCodes = {
  allVerified: 'ALL_VERIFIED',
  noDependencies: 'NO_DEPENDENCIES',
  versionNotFound: 'VERSION_NOT_FOUND',
  noVersionInEnvironment: 'NO_VERSION_IN_ENVIRONMENT',
  noVersionWithTag: 'NO_VERSION_WITH_TAG',
  noVersionOnBranch: 'NO_VERSION_ON_BRANCH',
  noMainBranch: 'NO_MAIN_BRANCH',
  verificationNotPublished: 'VERIFICATION_NOT_PUBLISHED',
  verificationFailed: 'VERIFICATION_FAILED',
  verificationFailedWhilePending: 'VERIFICATION_FAILED_WHILE_PENDING',
} as const;

export type ReasonCode = (typeof ReasonCodes)[keyof typeof ReasonCodes];

export interface NextStep {
  text: string;
  /** A shell command that addresses the cause, placeholders in angle brackets. */
  command?: string;
}

export interface Reason {
  code: ReasonCode;
  /** What this cause does to the verdict: true (it allows), false (it forbids), null (it leaves it open). */
  deployable: boolean | null;
  text: string;
  nextStep?: NextStep;
}

/** Quotes a value for a POSIX shell only when it needs it, so the usual names stay readable. */
export function shellWord(value: string): string {
  return /^[\w.:/@+-]+$/.test(value) ? value : `'${value.replaceAll("'", "'\\''")}'`;
}

export const nextSteps = {
  recordDeployment(pacticipant: string, environment: string, version = '<version>'): NextStep {
    return {
      text: `Record which version of ${pacticipant} runs in ${environment} (the deploy job of ${pacticipant} does this after each deployment).`,
      command: `contract-kit record-deployment --pacticipant ${shellWord(pacticipant)} --version ${shellWord(version)} --environment ${shellWord(environment)}`,
    };
  },
  publishVersion(pacticipant: string, version: string): NextStep {
    return {
      text: `Check the version number, or publish ${pacticipant}'s pacts as version ${version} from its build.`,
      command: `contract-kit publish  # in ${pacticipant}'s checkout, at the commit of version ${version}`,
    };
  },
  publishOnBranch(pacticipant: string, what: string): NextStep {
    return {
      text: `Publish ${pacticipant}'s pacts ${what} from its build, or ask about a version that exists.`,
      command: `contract-kit publish  # in ${pacticipant}'s checkout`,
    };
  },
  // The kit publishes by branch only; tags are the official CLI's, which older pipelines still use.
  tagVersion(pacticipant: string, tag: string): NextStep {
    return {
      text: `Tag the version of ${pacticipant} to ask about with ${tag} (the pipeline that tags ${pacticipant}'s versions does this), or ask about a tag that exists.`,
      command: `pact-broker create-version-tag --pacticipant ${shellWord(pacticipant)} --version <version> --tag ${shellWord(tag)}`,
    };
  },
  setMainBranch(pacticipant: string): NextStep {
    return {
      text: `Set ${pacticipant}'s main branch (publishing from that branch sets it when none is set).`,
      command: `pact-broker create-or-update-pacticipant --name ${shellWord(pacticipant)} --main-branch main`,
    };
  },
  verify(provider: string, pactUrl: string): NextStep {
    return {
      text: `Run ${provider}'s provider verification against this pact with result publishing on (its CI does this when the pact changes; a webhook can trigger it).`,
      command: `PACT_URL=${shellWord(pactUrl)} contract-kit verify --provider <provider definition module>`,
    };
  },
  fixFailure(provider: string, consumer: string, pactUrl: string): NextStep {
    return {
      text: `Read the failed verification, then change ${provider} or ${consumer} until they agree, and verify again.`,
      command: `PACT_URL=${shellWord(pactUrl)} contract-kit verify --provider <provider definition module>`,
    };
  },
} as const;
