import type { IntegrationSummary } from '../../db/ui-queries.ts';
import { type Html, html, timeAgo, uiPath } from '../html.ts';
import { badge, page, verdictBadge } from '../layout.ts';
import { diffPath, pactPath } from '../paths.ts';

/** One row per integration: who, the latest pact and how its verification went. */
export function integrationTable(rows: IntegrationSummary[], now: Date, caption: string): Html {
  return html`<div class="table-wrap"><table class="integrations">
<caption>${caption}</caption>
<thead><tr><th scope="col">Consumer</th><th scope="col">Provider</th><th scope="col">Latest pact</th><th scope="col">Published</th><th scope="col">Verification</th><th scope="col">Verified</th><th scope="col">Changes</th></tr></thead>
<tbody>
${rows.map(
  (r) => html`<tr>
<td><a href="${uiPath('pacticipants', r.consumer)}">${r.consumer}</a></td>
<td><a href="${uiPath('pacticipants', r.provider)}">${r.provider}</a></td>
<td><a href="${pactPath(r.provider, r.consumer, r.consumerVersion)}">version ${r.consumerVersion}</a></td>
<td>${timeAgo(r.publishedAt, now)}</td>
<td>${r.success === false && r.pending ? badge('pending', 'failed (pending)') : verdictBadge(r.success)}${r.providerVersion ? html` <span class="muted">by ${r.provider} ${r.providerVersion}</span>` : ''}</td>
<td>${timeAgo(r.verifiedAt, now)}</td>
<td><a href="${diffPath(r.provider, r.consumer)}" aria-label="Compare versions of the pact between ${r.consumer} and ${r.provider}">compare versions</a></td>
</tr>`,
)}
</tbody>
</table></div>`;
}

export function indexPage(input: { rows: IntegrationSummary[]; total: number; search: string; now: Date }): Html {
  const { rows, total, search, now } = input;
  const shown = rows.length < total ? `${rows.length} of ${total}` : `${total}`;
  const body = html`
<form class="filters" role="search" method="get" action="/ui">
<label for="search">Search integrations</label>
<input id="search" name="q" type="search" value="${search}" placeholder="consumer or provider name" autocomplete="off" data-filter-table="integrations">
<button type="submit">Search</button>
</form>
<p class="count" aria-live="polite" id="integrations-count">${shown} integration${total === 1 ? '' : 's'}${search ? html` matching <q>${search}</q>` : ''}</p>
${
  rows.length === 0
    ? html`<p class="empty">${search ? 'No integration matches.' : 'No pacts yet. Publish one with contract-kit publish (or pact-broker publish) and it appears here.'}</p>`
    : integrationTable(rows, now, 'Integrations, their latest pact and its verification')
}`;
  return page({ title: 'Integrations', section: '/ui', json: '/', body });
}
