import type { TriggeredWebhookWithAttempts } from '../../db/triggered-webhooks-repository.ts';
import type { Webhook } from '../../db/webhooks-repository.ts';
import { due, type Html, html, timeAgo } from '../html.ts';
import { badge, page } from '../layout.ts';

const scope = (name: string | null, label: string | null, role: string) =>
  name ?? (label ? `any ${role} labelled ${label}` : `any ${role}`);

const executePath = (uuid: string) => `/webhooks/${encodeURIComponent(uuid)}/execute`;

/** The same request the button sends, for a terminal or a script (credentials as the broker asks for them). */
const rerunCommand = (base: string, uuid: string) =>
  `curl -X POST -H 'Content-Type: application/json' -d '{}' ${base}${executePath(uuid)}`;

const STATUS: Record<TriggeredWebhookWithAttempts['status'], Html> = {
  success: badge('success', 'succeeded'),
  failure: badge('failed', 'failed, no retries left'),
  retrying: badge('pending', 'failed, will retry'),
  not_run: badge('unknown', 'not run yet'),
};

function rerun(base: string, uuid: string, name: string): Html {
  const command = rerunCommand(base, uuid);
  return html`<div class="rerun">
<button type="button" data-execute="${executePath(uuid)}" data-output="run-${uuid}" aria-describedby="run-${uuid}">Run ${name} now</button>
<output id="run-${uuid}" class="run-result" aria-live="polite"></output>
<details><summary>Command</summary><pre tabindex="0" aria-label="Command to run ${name}"><code>${command}</code></pre><button type="button" class="copy" data-copy="${command}">Copy command</button></details>
</div>`;
}

function attemptsBlock(t: TriggeredWebhookWithAttempts, name: string, now: Date): Html {
  if (t.attempts.length === 0) return html`<p class="muted">No attempt yet.</p>`;
  return html`<ol class="attempts">${t.attempts.map(
    (a, i) => html`<li class="attempt" data-success="${String(a.success)}">
<details><summary>Attempt ${i + 1}: ${a.success ? badge('success', 'succeeded') : badge('failed', 'failed')} ${timeAgo(a.createdAt, now)}</summary>
<pre class="logs" tabindex="0" aria-label="Log of attempt ${i + 1} of ${name}">${a.logs}</pre></details></li>`,
  )}</ol>`;
}

function triggeredTable(list: TriggeredWebhookWithAttempts[], maxAttempts: number, now: Date): Html {
  return html`<div class="table-wrap"><table class="triggered"><caption>Latest first</caption>
<thead><tr><th scope="col">Webhook</th><th scope="col">Event</th><th scope="col">Pact</th><th scope="col">Triggered</th><th scope="col">Status</th><th scope="col">Attempts and logs</th></tr></thead>
<tbody>${list.map((t) => {
    const name = t.webhookDescription ?? `webhook ${t.webhookUuid}`;
    return html`<tr data-uuid="${t.uuid}" data-status="${t.status}">
<td>${name}${t.webhookExists ? '' : html` <span class="muted">(deleted)</span>`}</td>
<td>${t.eventName}${t.triggerType === 'user' ? html` <span class="muted">(by hand)</span>` : ''}</td>
<td>${t.consumerName} → ${t.providerName}</td>
<td>${timeAgo(t.createdAt, now)}</td>
<td>${STATUS[t.status]}<br><span class="attempt-count">${t.attemptsMade} of ${maxAttempts} attempts</span>${
      t.status === 'retrying' || t.status === 'not_run'
        ? html`<br><span class="next-retry">next attempt <time datetime="${t.nextAttemptAt}" title="${t.nextAttemptAt}">${due(t.nextAttemptAt, now)}</time></span>`
        : ''
    }</td>
<td>${attemptsBlock(t, name, now)}<a href="/triggered-webhooks/${encodeURIComponent(t.uuid)}/logs">logs as JSON</a></td>
</tr>`;
  })}</tbody></table></div>`;
}

export function webhooksPage(input: {
  webhooks: Webhook[];
  triggered: TriggeredWebhookWithAttempts[];
  maxAttempts: number;
  /** The broker's own URL, for the command that re-runs a webhook. */
  base: string;
  now: Date;
  /** The clock the webhook queue schedules by (the broker's own clock may be another, in tests). */
  queueNow: Date;
}): Html {
  const { webhooks, triggered, now } = input;
  const body = html`
<section aria-labelledby="stored-heading">
<h2 id="stored-heading">Stored webhooks</h2>
${
  webhooks.length === 0
    ? html`<p class="empty">No webhooks. Create one with <code>pact-broker create-webhook</code>.</p>`
    : html`<div class="table-wrap"><table class="webhooks"><caption>Stored webhooks; running one sends its request now, with the latest pact's data (it needs write access when auth is on)</caption>
<thead><tr><th scope="col">Description</th><th scope="col">Consumer</th><th scope="col">Provider</th><th scope="col">Events</th><th scope="col">Request</th><th scope="col">Enabled</th><th scope="col">Updated</th><th scope="col">Run again</th></tr></thead>
<tbody>${webhooks.map(
        (
          w,
        ) => html`<tr><td>${w.description ?? w.uuid}</td><td>${scope(w.consumerName, w.consumerLabel, 'consumer')}</td><td>${scope(w.providerName, w.providerLabel, 'provider')}</td>
<td>${w.events.map((e) => e.name).join(', ')}</td><td><code>${String(w.request.method ?? '')} ${String(w.request.url ?? '')}</code></td>
<td>${w.enabled ? badge('success', 'enabled') : badge('unknown', 'disabled')}</td><td>${timeAgo(w.updatedAt, now)}</td>
<td>${rerun(input.base, w.uuid, w.description ?? `webhook ${w.uuid}`)}</td></tr>`,
      )}</tbody></table></div>`
}
</section>
<section aria-labelledby="triggered-heading">
<h2 id="triggered-heading">Triggered webhooks</h2>
${
  triggered.length === 0
    ? html`<p class="empty">No webhook has been triggered yet: publishing a pact or a verification result triggers the webhooks for its events.</p>`
    : triggeredTable(triggered, input.maxAttempts, input.queueNow)
}
</section>`;
  return page({ title: 'Webhooks', section: '/ui/webhooks', json: '/webhooks', body });
}
