import type { BranchLine, Deployment, IntegrationSummary, VersionLine } from '../../db/ui-queries.ts';
import { type Html, html, safeHref, timeAgo, uiPath } from '../html.ts';
import { page } from '../layout.ts';
import { integrationTable } from './index-page.ts';

export function pacticipantPage(input: {
  name: string;
  mainBranch: string | null;
  repositoryUrl: string | null;
  versions: VersionLine[];
  totalVersions: number;
  branches: BranchLine[];
  deployments: Deployment[];
  integrations: IntegrationSummary[];
  now: Date;
}): Html {
  const { name, now } = input;
  const body = html`
<dl class="facts">
<dt>Main branch</dt><dd>${input.mainBranch ?? 'not set'}</dd>
<dt>Versions</dt><dd>${input.totalVersions}</dd>
${input.repositoryUrl ? html`<dt>Repository</dt><dd>${safeHref(input.repositoryUrl) ? html`<a href="${safeHref(input.repositoryUrl)}">${input.repositoryUrl}</a>` : input.repositoryUrl}</dd>` : ''}
</dl>
<nav aria-label="${name}" class="subnav"><ul>
<li><a href="/ui/can-i-deploy?pacticipant=${encodeURIComponent(name)}">Can ${name} be deployed?</a></li>
<li><a href="/ui/matrix?pacticipant=${encodeURIComponent(name)}">Matrix for ${name}</a></li>
<li><a href="/ui/network?focus=${encodeURIComponent(name)}">${name} in the network</a></li>
</ul></nav>
<section aria-labelledby="deployed-heading">
<h2 id="deployed-heading">Deployed and released</h2>
${
  input.deployments.length === 0
    ? html`<p class="empty">No version of ${name} is recorded as deployed or released. Record one with <code>contract-kit record-deployment --pacticipant ${name} --version &lt;version&gt; --environment &lt;environment&gt;</code>.</p>`
    : html`<div class="table-wrap"><table><caption>Where ${name} runs now</caption>
<thead><tr><th scope="col">Environment</th><th scope="col">Version</th><th scope="col">How</th><th scope="col">Since</th></tr></thead>
<tbody>${input.deployments.map(
        (d) => html`<tr><td>${d.environment}${d.production ? html` <span class="muted">(production)</span>` : ''}</td>
<td>${d.version}</td><td>${d.kind}${d.applicationInstance ? ` (instance ${d.applicationInstance})` : ''}</td><td>${timeAgo(d.since, now)}</td></tr>`,
      )}</tbody></table></div>`
}
</section>
<section aria-labelledby="integrations-heading">
<h2 id="integrations-heading">Integrations</h2>
${input.integrations.length === 0 ? html`<p class="empty">${name} has no pacts yet.</p>` : integrationTable(input.integrations, now, `Integrations of ${name}`)}
</section>
<section aria-labelledby="branches-heading">
<h2 id="branches-heading">Branches</h2>
${
  input.branches.length === 0
    ? html`<p class="empty">No branches.</p>`
    : html`<div class="table-wrap"><table><caption>Branches of ${name}, most recently used first</caption>
<thead><tr><th scope="col">Branch</th><th scope="col">Latest version</th><th scope="col">Versions</th></tr></thead>
<tbody>${input.branches.map(
        (b) =>
          html`<tr><td>${b.name}${b.name === input.mainBranch ? html` <span class="muted">(main)</span>` : ''}</td><td>${b.latestVersion ?? ''}</td><td>${b.versions}</td></tr>`,
      )}</tbody></table></div>`
}
</section>
<section aria-labelledby="versions-heading">
<h2 id="versions-heading">Versions</h2>
<div class="table-wrap"><table><caption>The latest ${input.versions.length} of ${input.totalVersions} versions</caption>
<thead><tr><th scope="col">Version</th><th scope="col">Branches</th><th scope="col">Tags</th><th scope="col">Deployed / released in</th><th scope="col">Created</th></tr></thead>
<tbody>${input.versions.map(
    (v) => html`<tr><td>${v.number}</td><td>${v.branches.join(', ')}</td><td>${v.tags.join(', ')}</td>
<td>${v.environments.map((e) => `${e.name} (${e.kind})`).join(', ')}</td><td>${timeAgo(v.createdAt, now)}</td></tr>`,
  )}</tbody></table></div>
</section>`;
  return page({ title: name, section: '/ui', json: `/pacticipants/${encodeURIComponent(name)}`, body });
}

export const pacticipantLink = (name: string): Html => html`<a href="${uiPath('pacticipants', name)}">${name}</a>`;
