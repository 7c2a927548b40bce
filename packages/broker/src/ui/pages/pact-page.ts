import type { VerificationLine } from '../../db/ui-queries.ts';
import { type Html, html, safeHref, timeAgo } from '../html.ts';
import { badge, page } from '../layout.ts';
import {
  type Interaction,
  type InteractionResult,
  type Json,
  type MatcherRule,
  type MessagePart,
  type PactModel,
  type Part,
  type Path,
  pathMatches,
} from '../pact-model.ts';
import { diffPath } from '../paths.ts';
import { pacticipantLink } from './pacticipant-page.ts';

const matcherNote = (rules: MatcherRule[], path: Path): Html => {
  const found = rules.filter((r) => pathMatches(r.path, path));
  return found.length === 0
    ? html``
    : html` <span class="matcher" title="matched by ${found.map((r) => r.description).join('; ')}">${found.map((r) => r.description).join('; ')}</span>`;
};

/** JSON pretty-printed, each field carrying the matchers that govern it. */
function jsonWithMatchers(value: Json, rules: MatcherRule[], path: Path = [], indent = ''): Html {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return html`[]${matcherNote(rules, path)}`;
    return html`[${matcherNote(rules, path)}\n${value.map(
      (item, i) =>
        html`${inner}${jsonWithMatchers(item, rules, [...path, i], inner)}${i < value.length - 1 ? ',' : ''}\n`,
    )}${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return html`{}${matcherNote(rules, path)}`;
    return html`{${matcherNote(rules, path)}\n${entries.map(
      ([key, item], i) =>
        html`${inner}<span class="key">${JSON.stringify(key)}</span>: ${jsonWithMatchers(item, rules, [...path, key], inner)}${i < entries.length - 1 ? ',' : ''}\n`,
    )}${indent}}`;
  }
  return html`<span class="value">${JSON.stringify(value)}</span>${matcherNote(rules, path)}`;
}

function headersBlock(part: Part): Html {
  const names = Object.keys(part.headers);
  if (names.length === 0) return html``;
  return html`<dl class="headers">${names.map(
    (name) => html`<dt>${name}</dt><dd>${part.headers[name]}${matcherNote(part.rules.header, [name])}</dd>`,
  )}</dl>`;
}

function metadataBlock(message: MessagePart): Html {
  const names = Object.keys(message.metadata);
  if (names.length === 0) return html`<p class="muted">No metadata.</p>`;
  return html`<dl class="headers metadata">${names.map((name) => {
    const value = message.metadata[name];
    return html`<dt>${name}</dt><dd>${typeof value === 'string' ? value : JSON.stringify(value)}${matcherNote(message.rules.metadata, [name])}</dd>`;
  })}</dl>`;
}

function messageBlock(interaction: Interaction, message: MessagePart): Html {
  const name = interaction.description;
  return html`<section class="message" aria-label="Message ${name}"><h4>Message <span class="muted">(${interaction.type === 'Asynchronous/Messages' ? 'asynchronous' : interaction.type})</span></h4>
<h5>Metadata</h5>${metadataBlock(message)}
<h5>Contents${message.contentType ? html` <span class="muted">(${message.contentType})</span>` : ''}</h5>${bodyBlock(message, `Contents of ${name}`)}
</section>`;
}

function bodyBlock(part: Part, label: string): Html {
  if (part.bodyText !== undefined)
    return html`<pre class="body" aria-label="${label}" tabindex="0">${part.bodyText}</pre>`;
  if (part.body === undefined) return html`<p class="muted">No body.</p>`;
  return html`<pre class="body" aria-label="${label}" tabindex="0">${jsonWithMatchers(part.body, part.rules.body)}</pre>`;
}

function statesBlock(interaction: Interaction): Html {
  if (interaction.providerStates.length === 0) return html``;
  return html`<div class="states"><h4>Provider states</h4><ul>${interaction.providerStates.map(
    (s) =>
      html`<li><span class="state">${s.name}</span>${
        s.params && Object.keys(s.params).length > 0
          ? html`<dl class="params">${Object.entries(s.params).map(
              ([k, v]) => html`<dt>${k}</dt><dd><code>${JSON.stringify(v)}</code></dd>`,
            )}</dl>`
          : ''
      }</li>`,
  )}</ul></div>`;
}

function resultBadge(result: InteractionResult | undefined, verified: boolean): Html {
  if (!verified) return badge('unknown', 'not verified');
  if (!result) return badge('unknown', 'no per-interaction result');
  return result.success ? badge('success', 'passed') : badge('failed', 'failed');
}

function interactionBlock(
  interaction: Interaction,
  index: number,
  result: InteractionResult | undefined,
  verified: boolean,
): Html {
  const id = `interaction-${index + 1}`;
  const { request, response, contents } = interaction;
  return html`<article class="interaction" id="${id}" aria-labelledby="${id}-title">
<h3 id="${id}-title"><span class="desc">${interaction.description}</span> ${resultBadge(result, verified)}${interaction.pending ? html` ${badge('pending', 'pending')}` : ''}</h3>
${statesBlock(interaction)}
${
  result && result.mismatches.length > 0
    ? html`<div class="mismatches" role="note"><h4>Mismatches</h4><ul>${result.mismatches.map((m) => html`<li>${m}</li>`)}</ul></div>`
    : ''
}
${
  request && response
    ? html`<div class="exchange">
<section class="request" aria-label="Request of ${interaction.description}"><h4>Request</h4>
<p class="line"><code><span class="method">${request.method}</span> ${request.path}${request.query ? `?${request.query}` : ''}</code>${matcherNote(request.rules.path, [])}</p>
${headersBlock(request)}${bodyBlock(request, `Request body of ${interaction.description}`)}
</section>
<section class="response" aria-label="Response of ${interaction.description}"><h4>Response</h4>
<p class="line"><code>${response.status ?? 'any status'}</code>${matcherNote(response.rules.status, [])}</p>
${headersBlock(response)}${bodyBlock(response, `Response body of ${interaction.description}`)}
</section></div>`
    : contents
      ? messageBlock(interaction, contents)
      : ''
}
</article>`;
}

export function pactPage(input: {
  model: PactModel;
  consumer: string;
  provider: string;
  consumerVersion: string;
  sha: string;
  publishedAt: string;
  verifications: VerificationLine[];
  results: Map<Interaction, InteractionResult>;
  jsonUrl: string;
  now: Date;
}): Html {
  const { model, consumer, provider, now } = input;
  const latest = input.verifications[0];
  const body = html`
<dl class="facts">
<dt>Consumer</dt><dd>${pacticipantLink(consumer)} version ${input.consumerVersion}</dd>
<dt>Provider</dt><dd>${pacticipantLink(provider)}</dd>
<dt>Published</dt><dd>${timeAgo(input.publishedAt, now)}</dd>
<dt>Specification</dt><dd>Pact ${model.specification}</dd>
<dt>Content</dt><dd><code>${input.sha.slice(0, 12)}</code></dd>
<dt>Verification</dt><dd>${
    latest
      ? html`${latest.success ? badge('success', 'verified') : badge('failed', 'failed')} by ${provider} ${latest.providerVersion}, ${timeAgo(latest.verifiedAt, now)}${latest.pending ? ' (pending)' : ''}`
      : html`${badge('unknown', 'not verified')} — no verification result has been published for this content.`
  }</dd>
</dl>
<nav aria-label="This pact" class="subnav"><ul>
<li><a href="${diffPath(provider, consumer, { to: input.consumerVersion })}">Changes since the previous version</a></li>
<li><a href="${diffPath(provider, consumer)}">Compare two versions of this pact</a></li>
</ul></nav>
<nav aria-label="Interactions" class="toc"><h2>${model.interactions.length} interaction${model.interactions.length === 1 ? '' : 's'}</h2><ol>${model.interactions.map(
    (i, index) => html`<li><a href="#interaction-${index + 1}">${i.description}</a></li>`,
  )}</ol></nav>
${model.interactions.map((i, index) => interactionBlock(i, index, input.results.get(i), latest !== undefined))}
${
  input.verifications.length > 0
    ? html`<section aria-labelledby="verifications-heading"><h2 id="verifications-heading">Verifications of this content</h2>
<div class="table-wrap"><table><caption>Latest first</caption><thead><tr><th scope="col">#</th><th scope="col">Result</th><th scope="col">Provider version</th><th scope="col">When</th><th scope="col">Build</th></tr></thead>
<tbody>${input.verifications.map(
        (v) =>
          html`<tr><td>${v.number}</td><td>${v.success ? badge('success', 'passed') : badge('failed', 'failed')}${v.pending ? ' (pending)' : ''}</td><td>${v.providerVersion}</td><td>${timeAgo(v.verifiedAt, now)}</td><td>${safeHref(v.buildUrl) ? html`<a href="${safeHref(v.buildUrl)}">build</a>` : (v.buildUrl ?? '')}</td></tr>`,
      )}</tbody></table></div></section>`
    : ''
}`;
  return page({ title: `Pact between ${consumer} and ${provider}`, section: '/ui', json: input.jsonUrl, body });
}
