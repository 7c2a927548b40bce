export {
  canIDeploy,
  type DeployDecision,
  ensureEnvironment,
  publishPacts,
  recordDeployment,
} from './broker/operations.ts';
export { detectVersionInfo, type VersionInfo } from './ci/version-info.ts';
export {
  type BrokerAuth,
  type BrokerConfig,
  type ConsumerVersionSelector,
  defaultSelectors,
  type KitConfig,
  readKitConfig,
} from './config/kit-config.ts';
export * from './consumer/index.ts';
export { ContractKitError, type ContractKitErrorCode, ContractKitErrorCodes } from './errors.ts';
export { type PactSummary, summarisePact } from './loop/pact-summary.ts';
export {
  type ContractLoopOptions,
  type ContractLoopResult,
  type DeployOutcome,
  runContractLoop,
} from './loop/run-loop.ts';
export { formatMs, printSteps, type StepListener, type StepRecord, table } from './loop/steps.ts';
export { findPactFiles } from './pact-files.ts';
export { placeholderToken } from './placeholder-token.ts';
