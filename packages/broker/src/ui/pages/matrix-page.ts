import type { MatrixFilter, MatrixLine } from '../../db/ui-queries.ts';
import { type Html, html, timeAgo } from '../html.ts';
import { page, verdictBadge } from '../layout.ts';
import { pactPath } from '../paths.ts';
import { pacticipantLink } from './pacticipant-page.ts';

const STATUSES: [MatrixFilter['status'] | '', string][] = [
  ['', 'any'],
  ['success', 'verified'],
  ['failed', 'failed'],
  ['unverified', 'not verified'],
];

export function matrixPage(input: { filter: MatrixFilter; rows: MatrixLine[]; names: string[]; now: Date }): Html {
  const { filter, rows, now } = input;
  const body = html`
<form class="filters" method="get" action="/ui/matrix" aria-describedby="matrix-help">
<p id="matrix-help" class="muted">Each row is a pact a consumer version published, and a provider version's verification of its content.</p>
<datalist id="pacticipant-names">${input.names.map((n) => html`<option value="${n}"></option>`)}</datalist>
<div class="field"><label for="m-consumer">Consumer</label><input id="m-consumer" name="consumer" list="pacticipant-names" value="${filter.consumer ?? ''}"></div>
<div class="field"><label for="m-version">Consumer version</label><input id="m-version" name="version" value="${filter.consumerVersion ?? ''}"></div>
<div class="field"><label for="m-provider">Provider</label><input id="m-provider" name="provider" list="pacticipant-names" value="${filter.provider ?? ''}"></div>
<div class="field"><label for="m-status">Verification</label><select id="m-status" name="status">${STATUSES.map(
    ([value, label]) =>
      html`<option value="${value}"${(filter.status ?? '') === value ? html` selected` : ''}>${label}</option>`,
  )}</select></div>
<button type="submit">Filter</button>
</form>
<p class="count" aria-live="polite">${rows.length === filter.limit ? `The latest ${rows.length} rows (refine the filters to see others)` : `${rows.length} row${rows.length === 1 ? '' : 's'}`}</p>
${
  rows.length === 0
    ? html`<p class="empty">No row matches these filters.</p>`
    : html`<div class="table-wrap"><table class="matrix"><caption>Matrix</caption>
<thead><tr><th scope="col">Consumer</th><th scope="col">Consumer version</th><th scope="col">Provider</th><th scope="col">Provider version</th><th scope="col">Verification</th><th scope="col">Published</th><th scope="col">Verified</th></tr></thead>
<tbody>${rows.map(
        (
          r,
        ) => html`<tr><td>${pacticipantLink(r.consumer)}</td><td><a href="${pactPath(r.provider, r.consumer, r.consumerVersion)}">${r.consumerVersion}</a></td>
<td>${pacticipantLink(r.provider)}</td><td>${r.providerVersion ?? '—'}</td><td>${verdictBadge(r.success)}</td><td>${timeAgo(r.publishedAt, now)}</td><td>${timeAgo(r.verifiedAt, now)}</td></tr>`,
      )}</tbody></table></div>`
}`;
  return page({ title: 'Matrix', section: '/ui/matrix', body });
}
