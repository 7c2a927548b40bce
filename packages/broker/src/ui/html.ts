/**
 * HTML built from tagged templates: every interpolated value is escaped unless it is already `Html` (the result
 * of another `html` template or `raw`), so stored names and pact content can never become markup.
 */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export type HtmlValue = Html | string | number | boolean | null | undefined | readonly HtmlValue[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.text;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i += 1) out += render(values[i]) + (strings[i + 1] ?? '');
  return new Html(out);
}

/** Markup the caller vouches for (built here, never from request or stored data). */
export const raw = (text: string): Html => new Html(text);

/** A path under the UI, each segment encoded. */
export function uiPath(...segments: string[]): string {
  return `/ui/${segments.map(encodeURIComponent).join('/')}`;
}

/** "3 minutes", "1 day": a span of time in the unit people read it in. */
function span(seconds: number): string {
  const steps: [number, string][] = [
    [60, 'second'],
    [60, 'minute'],
    [24, 'hour'],
    [30, 'day'],
    [12, 'month'],
  ];
  let value = seconds;
  for (const [size, unit] of steps) {
    if (value < size) return `${value} ${unit}${value === 1 ? '' : 's'}`;
    value = Math.floor(value / size);
  }
  return `${value} year${value === 1 ? '' : 's'}`;
}

/** "3 minutes ago", from an ISO time and the broker's clock: what people scan a list for. */
export function age(iso: string | null | undefined, now: Date): string {
  if (!iso) return 'never';
  return `${span(Math.max(0, Math.round((now.getTime() - Date.parse(iso)) / 1000)))} ago`;
}

/** "in 2 minutes" for a time still to come, "now" once it is due. */
export function due(iso: string, now: Date): string {
  const seconds = Math.round((Date.parse(iso) - now.getTime()) / 1000);
  return seconds <= 0 ? 'now' : `in ${span(seconds)}`;
}

/** A `<time>` showing the age, the exact time on hover and for machines. */
export const timeAgo = (iso: string | null | undefined, now: Date): Html =>
  iso ? html`<time datetime="${iso}" title="${iso}">${age(iso, now)}</time>` : html`<span>never</span>`;

/** A link target from stored data: only http(s), so a `javascript:` build URL is shown as text, never run. */
export const safeHref = (url: string | null | undefined): string | undefined =>
  url && /^https?:\/\//i.test(url) ? url : undefined;
