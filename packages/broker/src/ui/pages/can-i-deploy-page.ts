import type { MatrixResult } from '../../matrix/matrix.ts';
import type { NextStep, Reason } from '../../matrix/reasons.ts';
import { type Html, html } from '../html.ts';
import { badge, page } from '../layout.ts';
import { pactPath } from '../paths.ts';

export interface CanIDeployForm {
  pacticipant: string;
  version: string;
  environment: string;
  /** Instead of a version: the latest on this branch, or on the main branch. */
  branch: string;
  /** Instead of a version or branch: the latest with this tag (`pact-broker can-i-deploy --latest TAG`). */
  tag: string;
  mainBranch: boolean;
}

/** A question the broker could not take (unknown pacticipant or environment, missing field), explained. */
export interface Refusal {
  messages: string[];
  nextStep: NextStep;
}

const VERDICT = {
  true: { status: 'success', word: 'Yes', text: 'can be deployed' },
  false: { status: 'failed', word: 'No', text: 'cannot be deployed' },
  null: { status: 'unknown', word: 'Unknown', text: 'cannot be judged yet' },
} as const;

function stepBlock(step: NextStep | undefined): Html {
  if (!step) return html``;
  return html`<div class="next-step"><p><strong>Next step:</strong> ${step.text}</p>${
    step.command
      ? html`<div class="command"><pre tabindex="0" aria-label="Command"><code>${step.command}</code></pre><button type="button" class="copy" data-copy="${step.command}">Copy command</button></div>`
      : ''
  }</div>`;
}

function reasonItem(reason: Reason): Html {
  const status = reason.deployable === true ? 'success' : reason.deployable === false ? 'failed' : 'unknown';
  return html`<li class="reason reason-${status}">
<p>${badge(status, reason.deployable === true ? 'allows' : reason.deployable === false ? 'blocks' : 'open')} <code class="code">${reason.code}</code> ${reason.text}</p>
${stepBlock(reason.nextStep)}
</li>`;
}

export function canIDeployPage(input: {
  form: CanIDeployForm;
  names: string[];
  versions: string[];
  environments: string[];
  result?: MatrixResult;
  refusal?: Refusal;
}): Html {
  const { form, result, refusal } = input;
  const asked = form.pacticipant !== '' && form.environment !== '';
  const verdict = result ? VERDICT[String(result.summary.deployable) as keyof typeof VERDICT] : undefined;
  const body = html`
<form class="filters" method="get" action="/ui/can-i-deploy">
<datalist id="pacticipant-names">${input.names.map((n) => html`<option value="${n}"></option>`)}</datalist>
<datalist id="version-numbers">${input.versions.map((v) => html`<option value="${v}"></option>`)}</datalist>
<div class="field"><label for="d-pacticipant">Pacticipant</label><input id="d-pacticipant" name="pacticipant" list="pacticipant-names" value="${form.pacticipant}" required></div>
<div class="field"><label for="d-version">Version</label><input id="d-version" name="version" list="version-numbers" value="${form.version}" placeholder="latest" aria-describedby="d-version-help"><span id="d-version-help" class="muted">Empty: the latest version</span></div>
<div class="field"><label for="d-branch">or latest on branch</label><input id="d-branch" name="branch" value="${form.branch}"></div>
<div class="field"><label for="d-tag">or latest with tag</label><input id="d-tag" name="tag" value="${form.tag}"></div>
${form.mainBranch ? html`<input type="hidden" name="mainBranch" value="true">` : ''}
<div class="field"><label for="d-environment">Environment</label><select id="d-environment" name="environment" required>
${input.environments.length === 0 ? html`<option value="">no environments yet</option>` : ''}
${input.environments.map((e) => html`<option value="${e}"${form.environment === e ? html` selected` : ''}>${e}</option>`)}
</select></div>
<button type="submit">Ask</button>
</form>
${
  input.environments.length === 0
    ? html`<p class="empty">No environment exists yet. Create one with <code>contract-kit create-environment --name production --production</code>.</p>`
    : ''
}
<section aria-labelledby="verdict-heading" aria-live="polite" class="verdict-section">
${
  refusal
    ? html`<h2 id="verdict-heading">${badge('failed', 'Cannot ask')} The broker could not take this question</h2>
<ul class="reasons"><li class="reason reason-failed">${refusal.messages.map((m) => html`<p>${m}</p>`)}${stepBlock(refusal.nextStep)}</li></ul>`
    : result && verdict
      ? html`<h2 id="verdict-heading" class="verdict verdict-${verdict.status}">${badge(verdict.status, verdict.word)} ${form.pacticipant} ${form.version ? `version ${form.version}` : form.branch ? `(latest on branch ${form.branch})` : form.tag ? `(latest with tag ${form.tag})` : form.mainBranch ? '(latest on the main branch)' : '(latest version)'} ${verdict.text} to ${form.environment}</h2>
<ul class="reasons">${result.summary.reasons.map(reasonItem)}</ul>
${
  result.rows.length > 0
    ? html`<div class="table-wrap"><table><caption>What was checked</caption><thead><tr><th scope="col">Consumer</th><th scope="col">Provider</th><th scope="col">Verification</th></tr></thead>
<tbody>${result.rows.map(
        (r) =>
          html`<tr><td><a href="${pactPath(r.providerName, r.consumerName, r.consumerVersionNumber)}">${r.consumerName} ${r.consumerVersionNumber}</a></td><td>${r.providerName} ${r.providerVersionNumber ?? '(none)'}</td><td>${r.success === true ? badge('success', 'verified') : r.success === false ? badge('failed', 'failed') : badge('unknown', 'not verified')}</td></tr>`,
      )}</tbody></table></div>`
    : ''
}`
      : html`<h2 id="verdict-heading" class="visually-hidden">Verdict</h2><p class="muted">${asked ? '' : 'Pick a pacticipant, a version and an environment.'}</p>`
}
</section>`;
  return page({ title: 'Can I deploy?', section: '/ui/can-i-deploy', body });
}
