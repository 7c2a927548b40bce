import {
  canIDeploy,
  type DeployReason,
  describeSelection,
  type VersionSelection,
} from '../../broker-client/operations.ts';
import { detectVersionInfo } from '../../ci/version-info.ts';
import { readKitConfig } from '../../config/kit-config.ts';
import { ContractKitError, ContractKitErrorCodes } from '../../errors.ts';
import { optionalString, requireBroker, requireString, wholeNumber } from '../options.ts';
import type { Values } from '../registry.ts';

async function selectionOf(values: Values): Promise<VersionSelection> {
  const given: VersionSelection[] = [];
  const version = optionalString(values, 'version');
  if (version) given.push({ version });
  if (typeof values.latest === 'string') given.push({ latest: values.latest === '' ? true : values.latest });
  const branch = optionalString(values, 'branch');
  if (branch) given.push({ branch });
  if (values['main-branch'] === true) given.push({ mainBranch: true });
  if (given.length > 1) {
    throw new ContractKitError(
      ContractKitErrorCodes.configInvalid,
      'Give one of --version, --latest, --branch and --main-branch, not several.',
    );
  }
  return given[0] ?? { version: (await detectVersionInfo()).version };
}

export async function run(values: Values): Promise<number> {
  const config = readKitConfig();
  const pacticipant = requireString(values, 'pacticipant');
  const selection = await selectionOf(values);
  const environment = optionalString(values, 'to-environment') ?? config.environment;
  const decision = await canIDeploy(requireBroker(config), {
    pacticipant,
    ...selection,
    environment,
    retryWhileUnknown: wholeNumber(values, 'retry-while-unknown', 0),
    retryIntervalSeconds: wholeNumber(values, 'retry-interval', 10),
  });
  const verdict = decision.deployable === true ? 'yes' : decision.deployable === false ? 'no' : 'unknown';
  // The broker puts its advice on the question ("WARN: …") first in the reason: print it on lines of its own,
  // after the answer, so the first line stays the verdict.
  const reasonLines = decision.reason.split('\n');
  const warnings = reasonLines.filter((line) => line.startsWith('WARN: '));
  const answer = reasonLines.filter((line) => !line.startsWith('WARN: ')).join(' ');
  console.log(
    `Can ${pacticipant} ${describeSelection(selection)} be deployed to ${environment}? ${verdict}: ${answer}`,
  );
  for (const warning of warnings) console.log(`  ${warning}`);
  for (const line of explain(decision.reasons)) console.log(line);
  return decision.deployable === true ? 0 : 1;
}

const MARK = { true: 'ok', false: 'no', null: '??' } as const;

/** Each cause with its code, then what to do and the command that does it. */
export function explain(reasons: DeployReason[]): string[] {
  return reasons.flatMap((r) => [
    `  [${MARK[String(r.deployable) as keyof typeof MARK] ?? '??'}] ${r.code}: ${r.text}`,
    ...(r.nextStep ? [`       next: ${r.nextStep.text}`] : []),
    ...(r.nextStep?.command ? [`       run:  ${r.nextStep.command}`] : []),
  ]);
}
