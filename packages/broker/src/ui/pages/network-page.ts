import type { GraphEdge } from '../../db/ui-queries.ts';
import { escapeHtml, type Html, html, raw, uiPath } from '../html.ts';
import { page } from '../layout.ts';

export interface LaidOutNode {
  name: string;
  x: number;
  y: number;
  degree: number;
}

const RING_GAP = 110;

/**
 * Concentric rings, the most connected pacticipants in the middle: linear in the number of pacticipants, so it
 * stays fast at a thousand, and each ring holds more nodes than the one inside it, so labels keep their room.
 */
export function layout(edges: GraphEdge[]): { nodes: LaidOutNode[]; radius: number } {
  const degree = new Map<string, number>();
  for (const e of edges) {
    degree.set(e.consumer, (degree.get(e.consumer) ?? 0) + 1);
    degree.set(e.provider, (degree.get(e.provider) ?? 0) + 1);
  }
  const names = [...degree.keys()].sort((a, b) => (degree.get(b) ?? 0) - (degree.get(a) ?? 0) || a.localeCompare(b));
  const nodes: LaidOutNode[] = [];
  let ring = 0;
  let index = 0;
  while (index < names.length) {
    const capacity = ring === 0 ? 1 : 7 * ring;
    const onRing = names.slice(index, index + capacity);
    const radius = ring * RING_GAP;
    onRing.forEach((name, i) => {
      const angle = (2 * Math.PI * i) / onRing.length + ring * 0.35;
      nodes.push({
        name,
        x: Math.round(radius * Math.cos(angle)),
        y: Math.round(radius * Math.sin(angle)),
        degree: degree.get(name) ?? 0,
      });
    });
    index += capacity;
    ring += 1;
  }
  return { nodes, radius: Math.max(1, ring - 1) * RING_GAP + 80 };
}

const edgeClass = (success: boolean | null) => (success === true ? 'ok' : success === false ? 'failed' : 'unknown');

export function networkPage(input: { edges: GraphEdge[]; focus: string }): Html {
  const { edges, focus } = input;
  const { nodes, radius } = layout(edges);
  const at = new Map(nodes.map((n) => [n.name, n]));
  const focused = focus ? at.get(focus) : undefined;
  const neighbours = new Set<string>();
  if (focused) {
    for (const e of edges) {
      if (e.consumer === focus) neighbours.add(e.provider);
      if (e.provider === focus) neighbours.add(e.consumer);
    }
  }
  const span = 2 * radius;
  const view = focused ? `${focused.x - 400} ${focused.y - 300} 800 600` : `${-radius} ${-radius} ${span} ${span}`;
  // Thousands of elements: plain string building, every stored name escaped (the templates cost 2× here). The
  // markup is kept lean because its size is most of this page's cost: lines are grouped by how they are drawn
  // (stroke and arrow come from the group, marker-end being inherited) and carry their coordinates only.
  // Pieces are joined once: a string grown by += thousands of times is a deep rope, slow to flatten on send.
  const groups = new Map<string, string[]>();
  for (const e of edges) {
    const a = at.get(e.consumer) as LaidOutNode;
    const b = at.get(e.provider) as LaidOutNode;
    const near = focused && (e.consumer === focus || e.provider === focus) ? ' near' : '';
    const group = `${edgeClass(e.success)}${near}`;
    const lines = groups.get(group) ?? [];
    if (lines.length === 0) groups.set(group, lines);
    lines.push(`<line x1="${a.x}" y1="${a.y}" x2="${b.x}" y2="${b.y}"/>`);
  }
  const edgeMarkup = [...groups]
    .map(([group, lines]) => `<g class="edge ${group}" marker-end="url(#arrow)">${lines.join('')}</g>`)
    .join('');
  const nodeMarkup = nodes
    .map((n) => {
      const state = n.name === focus ? ' current' : neighbours.has(n.name) ? ' near' : '';
      return `<a href="/ui/network?focus=${escapeHtml(encodeURIComponent(n.name))}" tabindex="-1" class="node${state}"><circle cx="${n.x}" cy="${n.y}" r="${Math.min(14, 6 + n.degree)}"/><text x="${n.x}" y="${n.y + 26}">${escapeHtml(n.name)}</text></a>`;
    })
    .join('');
  const related = focused ? edges.filter((e) => e.consumer === focus || e.provider === focus) : [];
  const body = html`
<form class="filters" method="get" action="/ui/network" role="search">
<datalist id="node-names">${nodes.map((n) => html`<option value="${n.name}"></option>`)}</datalist>
<label for="focus">Focus on a pacticipant</label>
<input id="focus" name="focus" list="node-names" value="${focus}" autocomplete="off">
<button type="submit">Focus</button>
${focus ? html`<a href="/ui/network">Show all</a>` : ''}
</form>
<p class="count">${nodes.length} pacticipants, ${edges.length} integrations. Drag to pan, scroll or <kbd>+</kbd>/<kbd>-</kbd> to zoom, arrow keys to move, <kbd>0</kbd> to fit. Lines: solid = verified, dashed = failed, dotted = not verified; arrows point from consumer to provider.</p>
${focus && !focused ? html`<p class="empty" role="alert">${focus} has no integrations, or does not exist.</p>` : ''}
<div class="graph-wrap">
<div class="graph-controls" role="toolbar" aria-label="Zoom">
<button type="button" data-zoom="in" aria-label="Zoom in">+</button>
<button type="button" data-zoom="out" aria-label="Zoom out">−</button>
<button type="button" data-zoom="fit" aria-label="Fit the whole network">Fit</button>
</div>
<svg id="network" class="network${focused ? ' focused' : ''}" role="group" aria-labelledby="network-title" tabindex="0" viewBox="${view}" data-full="${-radius} ${-radius} ${span} ${span}" preserveAspectRatio="xMidYMid meet">
<title id="network-title">Network of ${nodes.length} pacticipants and ${edges.length} integrations${focused ? `, focused on ${focus}` : ''}</title>
<defs><marker id="arrow" viewBox="0 0 10 10" refX="18" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z"></path></marker></defs>
<g class="edges">${raw(edgeMarkup)}</g>
<g class="nodes">${raw(nodeMarkup)}</g>
</svg>
</div>
${
  focused
    ? html`<section aria-labelledby="focus-heading"><h2 id="focus-heading">Integrations of ${focus}</h2>
<p><a href="${uiPath('pacticipants', focus)}">Open ${focus}</a></p>
<ul>${related.map(
        (e) =>
          html`<li>${e.consumer} → ${e.provider}: ${e.success === true ? 'verified' : e.success === false ? 'failed' : 'not verified'}</li>`,
      )}</ul></section>`
    : ''
}`;
  return page({ title: 'Network', section: '/ui/network', body });
}
