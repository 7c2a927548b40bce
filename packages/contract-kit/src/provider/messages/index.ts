export { answerMessage, type MessageFailure, messagePath } from './message-endpoint.ts';
export {
  defineMessages,
  type MessageContext,
  type MessageProducer,
  type MessageProducers,
  type ProducedMessage,
} from './producers.ts';
