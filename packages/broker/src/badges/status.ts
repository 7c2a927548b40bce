import type { BadgeColour } from './svg.ts';

/** What a verification badge says: the latest result of the pact, or that there is none to show. */
export function verificationBadge(
  found: boolean,
  success: boolean | undefined,
): { status: string; colour: BadgeColour } {
  if (!found) return { status: 'unknown', colour: 'grey' };
  if (success === undefined) return { status: 'unverified', colour: 'orange' };
  return success ? { status: 'verified', colour: 'green' } : { status: 'failed', colour: 'red' };
}

/** What a can-i-deploy badge says, from the matrix summary's `deployable`. */
export function deployableBadge(deployable: boolean | null): { status: string; colour: BadgeColour } {
  if (deployable === true) return { status: 'yes', colour: 'green' };
  if (deployable === false) return { status: 'no', colour: 'red' };
  return { status: 'unknown', colour: 'grey' };
}
