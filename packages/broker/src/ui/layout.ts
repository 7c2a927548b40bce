import { type Html, type HtmlValue, html } from './html.ts';

const NAV: [string, string][] = [
  ['/ui', 'Integrations'],
  ['/ui/network', 'Network'],
  ['/ui/matrix', 'Matrix'],
  ['/ui/can-i-deploy', 'Can I deploy?'],
  ['/ui/webhooks', 'Webhooks'],
];

export interface PageOptions {
  title: string;
  /** The nav entry to mark as current. */
  section?: string;
  /** Where the page's JSON lives, for the "as JSON" link and `<link rel=alternate>`. */
  json?: string;
  body: HtmlValue;
}

/** Every page: skip link, banner with the navigation, one main landmark, a footer. */
export function page(options: PageOptions): Html {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} · Pact Broker</title>
<link rel="stylesheet" href="/ui/assets/ui.css">
${options.json ? html`<link rel="alternate" type="application/hal+json" href="${options.json}">` : ''}
<script src="/ui/assets/ui.js" defer></script>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="banner">
<a class="brand" href="/ui">Pact Broker</a>
<nav aria-label="Main">
<ul>
${NAV.map(
  ([href, label]) =>
    html`<li><a href="${href}"${options.section === href ? html` aria-current="page"` : ''}>${label}</a></li>`,
)}
</ul>
</nav>
</header>
<main id="main" tabindex="-1">
<h1>${options.title}</h1>
${options.body}
</main>
<footer class="footer">
${options.json ? html`<a href="${options.json}" type="application/hal+json">This page as JSON (HAL)</a>` : ''}
</footer>
</body>
</html>
`;
}

/** A status badge with words, never colour alone. */
export function badge(status: 'success' | 'failed' | 'unknown' | 'pending', label: string): Html {
  return html`<span class="badge badge-${status}">${label}</span>`;
}

export function verdictBadge(success: boolean | null | undefined): Html {
  if (success === true) return badge('success', 'verified');
  if (success === false) return badge('failed', 'failed');
  return badge('unknown', 'not verified');
}
