import type { PactModel } from '../pact-model.ts';
import type { Problem } from '../problem.ts';

/** An asynchronous message needs contents: its metadata alone checks nothing the consumer's handler reads. */
export function checkMessages(model: PactModel): Problem[] {
  const problems: Problem[] = [];
  for (const interaction of model.interactions) {
    if (interaction.kind !== 'message') continue;
    const [message] = interaction.parts;
    if (!message || (message.body.present && message.body.content !== '')) continue;
    problems.push({
      code: 'PACT_MESSAGE_CONTENTS_EMPTY',
      interaction: interaction.description,
      order: interaction.index,
      at: message.body.declaredAt,
      message: 'the message has no contents, only metadata',
    });
  }
  return problems;
}
