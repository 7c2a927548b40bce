export { type BuildBrokerConfig, buildBroker } from './app.ts';
export { type AuthConfig, type BrokerConfig, type Credentials, readBrokerConfig } from './config.ts';
export { BrokerErrorCodes } from './errors.ts';
export { type RunningBroker, type StartBrokerOptions, startBroker } from './start.ts';
