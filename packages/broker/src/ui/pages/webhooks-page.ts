import type { Webhook } from '../../db/webhooks-repository.ts';
import { type Html, html, timeAgo } from '../html.ts';
import { badge, page } from '../layout.ts';

const scope = (name: string | null, label: string | null, role: string) =>
  name ?? (label ? `any ${role} labelled ${label}` : `any ${role}`);

export function webhooksPage(input: { webhooks: Webhook[]; now: Date }): Html {
  const { webhooks, now } = input;
  const body = html`
<p class="muted">Webhooks the broker stores. Execution history and logs are not recorded by this broker yet: a webhook's
runs show in the receiving system (for example the provider's CI).</p>
${
  webhooks.length === 0
    ? html`<p class="empty">No webhooks. Create one with <code>pact-broker create-webhook</code>.</p>`
    : html`<div class="table-wrap"><table><caption>Stored webhooks</caption>
<thead><tr><th scope="col">Description</th><th scope="col">Consumer</th><th scope="col">Provider</th><th scope="col">Events</th><th scope="col">Request</th><th scope="col">Enabled</th><th scope="col">Updated</th></tr></thead>
<tbody>${webhooks.map(
        (
          w,
        ) => html`<tr><td>${w.description ?? w.uuid}</td><td>${scope(w.consumerName, w.consumerLabel, 'consumer')}</td><td>${scope(w.providerName, w.providerLabel, 'provider')}</td>
<td>${w.events.map((e) => e.name).join(', ')}</td><td><code>${String(w.request.method ?? '')} ${String(w.request.url ?? '')}</code></td>
<td>${w.enabled ? badge('success', 'enabled') : badge('unknown', 'disabled')}</td><td>${timeAgo(w.updatedAt, now)}</td></tr>`,
      )}</tbody></table></div>`
}`;
  return page({ title: 'Webhooks', section: '/ui/webhooks', json: '/webhooks', body });
}
