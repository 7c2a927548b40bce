import { declaredContentTypes, type Interaction, type PactModel, type Part } from '../pact-model.ts';
import type { Problem } from '../problem.ts';

function mediaType(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

function isJsonType(type: string): boolean {
  return type === 'application/json' || type.endsWith('+json');
}

function noun(part: Part, kind: Interaction['kind']): string {
  return kind === 'http' ? `the ${part.label} body` : `the ${part.label}`;
}

function checkPart(part: Part, kind: Interaction['kind']): Omit<Problem, 'interaction' | 'order'>[] {
  if (!part.body.present) return [];
  const declared = declaredContentTypes(part);
  const [first, ...others] = declared;
  if (!first) {
    const where = kind === 'http' ? 'Content-Type header' : 'contentType in its metadata';
    const onBody = part.body.at.at(-1) === 'content' ? ' and no contentType on the body' : '';
    return [
      {
        code: 'PACT_BODY_CONTENT_TYPE_MISSING',
        at: part.body.declaredAt,
        message: `${noun(part, kind)} has no content type: no ${where}${onBody}`,
      },
    ];
  }
  const conflicting = others.find((o) => mediaType(o.value) !== mediaType(first.value));
  if (conflicting) {
    return [
      {
        code: 'PACT_CONTENT_TYPE_CONFLICT',
        at: conflicting.at,
        message: `${conflicting.source} says ${JSON.stringify(conflicting.value)} but ${first.source} says ${JSON.stringify(first.value)}`,
      },
    ];
  }
  const structured = typeof part.body.content === 'object' && !part.body.encoded;
  if (structured && !isJsonType(mediaType(first.value))) {
    return [
      {
        code: 'PACT_CONTENT_TYPE_CONFLICT',
        at: first.at,
        message: `${noun(part, kind)} is JSON but ${first.source} says ${JSON.stringify(first.value)}`,
      },
    ];
  }
  return [];
}

/** A body needs a content type, and only one, that fits it. */
export function checkContentTypes(model: PactModel): Problem[] {
  return model.interactions.flatMap((interaction) =>
    interaction.parts.flatMap((part) =>
      checkPart(part, interaction.kind).map((problem) => ({
        ...problem,
        interaction: interaction.description,
        order: interaction.index,
      })),
    ),
  );
}
