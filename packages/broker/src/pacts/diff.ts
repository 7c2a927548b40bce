/**
 * The difference between two pacts' content, as the real broker's diff resource shows it: both normalised (keys
 * sorted, the broker's interaction `_id`s dropped) and pretty-printed, then compared line by line into unified
 * diff hunks ("-" what the older pact had, "+" what the newer one has).
 */

/** Lines of unchanged content shown around each change. */
const CONTEXT = 3;
/** Past this many cells the line comparison would be slow: the changed middle is shown as replaced whole. */
export const MAX_CELLS = 4_000_000;

function normalise(value: unknown, inInteraction = false): unknown {
  if (Array.isArray(value)) return value.map((item) => normalise(item, inInteraction));
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(value).sort()) {
    if (inInteraction && key === '_id') continue;
    const isInteractions = key === 'interactions' || key === 'messages';
    sorted[key] = normalise((value as Record<string, unknown>)[key], isInteractions);
  }
  return sorted;
}

const linesOf = (content: string): string[] => JSON.stringify(normalise(JSON.parse(content)), null, 2).split('\n');

type Op = { kind: ' ' | '-' | '+'; line: string };

/** The edit script between two line lists: common prefix and suffix, and a longest-common-subsequence middle. */
function editScript(before: string[], after: string[]): Op[] {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endB = before.length;
  let endA = after.length;
  while (endB > start && endA > start && before[endB - 1] === after[endA - 1]) {
    endB--;
    endA--;
  }
  const b = before.slice(start, endB);
  const a = after.slice(start, endA);
  const ops: Op[] = before.slice(0, start).map((line) => ({ kind: ' ', line }));
  if ((b.length + 1) * (a.length + 1) > MAX_CELLS) {
    for (const line of b) ops.push({ kind: '-', line });
    for (const line of a) ops.push({ kind: '+', line });
  } else {
    // lcs[i][j]: the longest common subsequence of b[i..] and a[j..], in one flat array.
    const width = a.length + 1;
    const lcs = new Uint32Array((b.length + 1) * width);
    for (let i = b.length - 1; i >= 0; i--) {
      for (let j = a.length - 1; j >= 0; j--) {
        lcs[i * width + j] =
          b[i] === a[j]
            ? (lcs[(i + 1) * width + j + 1] as number) + 1
            : Math.max(lcs[(i + 1) * width + j] as number, lcs[i * width + j + 1] as number);
      }
    }
    let i = 0;
    let j = 0;
    while (i < b.length || j < a.length) {
      if (i < b.length && j < a.length && b[i] === a[j]) {
        ops.push({ kind: ' ', line: b[i] as string });
        i++;
        j++;
      } else if (i < b.length && (j === a.length || (lcs[(i + 1) * width + j] as number) >= (lcs[i * width + j + 1] as number))) {
        // Removals before additions, as diff(1) shows a changed line.
        ops.push({ kind: '-', line: b[i] as string });
        i++;
      } else {
        ops.push({ kind: '+', line: a[j] as string });
        j++;
      }
    }
  }
  for (const line of before.slice(endB)) ops.push({ kind: ' ', line });
  return ops;
}

/** Unified diff hunks (`@@ -from,count +from,count @@`) from `previous` to `current`; '' when they are the same. */
export function formattedDiff(current: string, previous: string): string {
  const ops = editScript(linesOf(previous), linesOf(current));
  const changed = ops.flatMap((op, index) => (op.kind === ' ' ? [] : [index]));
  if (changed.length === 0) return '';
  // Group changes whose context would touch into one hunk.
  const hunks: [number, number][] = [];
  for (const index of changed) {
    const last = hunks[hunks.length - 1];
    if (last && index - last[1] <= 2 * CONTEXT + 1) last[1] = index;
    else hunks.push([index, index]);
  }
  const out: string[] = [];
  for (const [first, lastChange] of hunks) {
    const from = Math.max(0, first - CONTEXT);
    const to = Math.min(ops.length - 1, lastChange + CONTEXT);
    let oldLine = 1;
    let newLine = 1;
    for (const op of ops.slice(0, from)) {
      if (op.kind !== '+') oldLine++;
      if (op.kind !== '-') newLine++;
    }
    const body = ops.slice(from, to + 1);
    const oldCount = body.filter((op) => op.kind !== '+').length;
    const newCount = body.filter((op) => op.kind !== '-').length;
    out.push(`@@ -${oldLine},${oldCount} +${newLine},${newCount} @@`);
    for (const op of body) out.push(`${op.kind}${op.line}`);
  }
  return out.join('\n');
}
