import type { FieldChange, FieldSide, Impact, InteractionDiff, PactDiff } from 'contract-kit/diff';
import { type Html, html, timeAgo } from '../html.ts';
import { badge, page } from '../layout.ts';
import { diffPath, pactPath } from '../paths.ts';
import { pacticipantLink } from './pacticipant-page.ts';

export interface PactVersionChoice {
  number: string;
  sha: string;
  publishedAt: string;
}

/** Words first, colour second: "breaking" is what the provider's team scans for. */
const IMPACT: Record<Impact, Html> = {
  breaking: badge('failed', 'breaking'),
  relaxing: badge('success', 'not breaking: relaxes'),
  neutral: badge('unknown', 'not breaking'),
};

const CHANGE_WORDS: Record<InteractionDiff['change'], string> = {
  added: 'added',
  removed: 'removed',
  changed: 'changed',
  unchanged: 'unchanged',
};

function side(value: FieldSide | undefined): Html {
  if (!value) return html`<span class="muted">absent</span>`;
  const example = value.example === undefined ? '' : JSON.stringify(value.example);
  return html`<span class="type">${value.type}</span>${example ? html` <code>${example}</code>` : ''}<br><span class="matcher">${value.matcher}</span>`;
}

const where = (c: FieldChange): string => [c.part, c.area, c.field].filter((s) => s !== '').join(' · ');

function changesTable(interaction: InteractionDiff, id: string): Html {
  return html`<div class="table-wrap"><table class="changes" aria-labelledby="${id}-title">
<thead><tr><th scope="col">Field</th><th scope="col">Change</th><th scope="col">Before</th><th scope="col">After</th><th scope="col">For the provider</th></tr></thead>
<tbody>${interaction.changes.map(
    (c) => html`<tr class="change impact-${c.impact}" data-impact="${c.impact}">
<th scope="row"><code>${where(c)}</code></th><td>${c.kind.replaceAll('-', ' ')}</td><td>${side(c.before)}</td><td>${side(c.after)}</td>
<td>${IMPACT[c.impact]}<p class="why">${c.reason}</p></td></tr>`,
  )}</tbody></table></div>`;
}

function interactionBlock(interaction: InteractionDiff, index: number): Html {
  const id = `change-${index + 1}`;
  return html`<article class="interaction diff-${interaction.change}" id="${id}" aria-labelledby="${id}-title" data-change="${interaction.change}" data-impact="${interaction.impact}">
<h3 id="${id}-title"><span class="desc">${interaction.description}</span> ${badge(interaction.change === 'removed' ? 'unknown' : 'pending', CHANGE_WORDS[interaction.change])} ${IMPACT[interaction.impact]}</h3>
<p class="line"><code>${interaction.request}</code>${interaction.states.length > 0 ? html` <span class="muted">given</span> ${interaction.states.map((s, i) => html`${i > 0 ? ', ' : ''}<span class="state">${s}</span>`)}` : ''}</p>
${interaction.reason ? html`<p class="why">${interaction.reason}</p>` : ''}
${interaction.changes.length > 0 ? changesTable(interaction, id) : ''}
</article>`;
}

function versionSelect(id: string, label: string, versions: PactVersionChoice[], chosen: string | undefined): Html {
  return html`<div class="field"><label for="${id}">${label}</label>
<select id="${id}" name="${id}">${versions.map(
    (v) =>
      html`<option value="${v.number}"${v.number === chosen ? html` selected` : ''}>${v.number} (${v.sha.slice(0, 8)})</option>`,
  )}</select></div>`;
}

export function diffPage(input: {
  consumer: string;
  provider: string;
  versions: PactVersionChoice[];
  from?: string;
  to?: string;
  diff?: PactDiff;
  now: Date;
}): Html {
  const { consumer, provider, versions, from, to, diff, now } = input;
  const form = html`<form class="filters" method="get" action="${diffPath(provider, consumer)}" aria-label="Pick two pact versions">
${versionSelect('from', 'Old version', versions, from ?? versions[1]?.number)}
${versionSelect('to', 'New version', versions, to ?? versions[0]?.number)}
<button type="submit">Compare</button>
</form>`;
  const picked = versions.find((v) => v.number === to);
  const shown = diff ? diff.interactions.filter((i) => i.change !== 'unchanged') : [];
  const body = html`
<dl class="facts">
<dt>Consumer</dt><dd>${pacticipantLink(consumer)}</dd>
<dt>Provider</dt><dd>${pacticipantLink(provider)}</dd>
${picked ? html`<dt>New version published</dt><dd>${timeAgo(picked.publishedAt, now)}</dd>` : ''}
</dl>
${
  versions.length < 2
    ? html`<p class="empty">${consumer} has published ${versions.length === 1 ? 'one pact' : 'no pact'} for ${provider}: a comparison needs two.</p>`
    : form
}
${
  diff && from !== undefined && to !== undefined
    ? html`<section aria-labelledby="summary-heading">
<h2 id="summary-heading">From <a href="${pactPath(provider, consumer, from)}">version ${from}</a> to <a href="${pactPath(provider, consumer, to)}">version ${to}</a>: ${IMPACT[diff.impact]}</h2>
<p class="summary">${diff.summary.added} added, ${diff.summary.removed} removed, ${diff.summary.changed} changed, ${diff.summary.unchanged} unchanged interaction${diff.summary.unchanged === 1 ? '' : 's'};
${diff.summary.breaking} breaking change${diff.summary.breaking === 1 ? '' : 's'} for ${provider}.</p>
${shown.length === 0 ? html`<p class="empty">The two pacts ask the same of ${provider}.</p>` : ''}
${shown.length > 0 ? html`<nav aria-label="Changed interactions" class="toc"><ol>${shown.map((i, index) => html`<li><a href="#change-${index + 1}">${i.description}</a> (${CHANGE_WORDS[i.change]}, ${i.impact})</li>`)}</ol></nav>` : ''}
${shown.map(interactionBlock)}
</section>`
    : ''
}`;
  return page({ title: `Changes to the pact between ${consumer} and ${provider}`, section: '/ui', body });
}
