export { checkBroker, defaultBrokerTimeoutMs } from './broker-client/http.ts';
export {
  canIDeploy,
  type DeployDecision,
  type DeployReason,
  describeSelection,
  ensureEnvironment,
  type PublishOptions,
  publishPacts,
  recordDeployment,
  type VersionSelection,
} from './broker-client/operations.ts';
export { detectVersionInfo, type VersionInfo } from './ci/version-info.ts';
export {
  type BrokerAuth,
  type BrokerConnection,
  type ConsumerVersionSelector,
  defaultSelectors,
  type KitConfig,
  readKitConfig,
} from './config/kit-config.ts';
export { ContractKitError, type ContractKitErrorCode, ContractKitErrorCodes } from './errors.ts';
export { type OutcomeCounts, outcomesByKind, type PactSummary, summarisePact } from './loop/pact-summary.ts';
export {
  type ContractLoopOptions,
  type ContractLoopResult,
  type DeployOutcome,
  runContractLoop,
} from './loop/run-loop.ts';
export { formatMs, printSteps, type StepListener, type StepRecord, table } from './loop/steps.ts';
export { expandPactPaths, findPactFiles } from './pact-files.ts';
export { placeholderToken } from './placeholder-token.ts';
