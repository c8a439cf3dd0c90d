/**
 * Self-contained HTML pages for the reports: inline CSS and inline SVG, no script, no font, no image
 * from anywhere. A Content-Security-Policy meta tag makes the browser refuse any request the page might
 * still try, so it opens offline exactly as it opens online.
 *
 * `html` is a tagged template that escapes what it interpolates, unless the value is already `Html`
 * (the result of `html` or `raw`): names and personas from a store cannot inject markup.
 */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export type Interpolation = Html | string | number | null | undefined | false | readonly Interpolation[];

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Markup trusted as is: Plot's SVG, or a page's own fragments. */
export function raw(text: string): Html {
  return new Html(text);
}

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.text;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Interpolation[]): Html {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += render(v) + (strings[i + 1] ?? '');
  });
  return new Html(out);
}

export interface PageOptions {
  title: string;
  /** One line under the title. */
  subtitle?: Html | string;
  /** Extra CSS appended to the base style. */
  style?: string;
}

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const BASE_STYLE = `
:root { color-scheme: light; --ink: #1d2329; --muted: #5f6b76; --rule: #dde2e7; --band: #f5f7f9; --up: #1a7f4b; --down: #b3261e; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; }
main { max-width: 1180px; margin: 0 auto; padding: 28px 32px 64px; }
header.page { border-bottom: 2px solid var(--ink); padding-bottom: 12px; margin-bottom: 8px; }
h1 { font-size: 26px; margin: 0 0 4px; letter-spacing: -0.01em; }
h2 { font-size: 19px; margin: 40px 0 6px; padding-top: 8px; border-top: 1px solid var(--rule); }
h3 { font-size: 16px; margin: 22px 0 6px; }
p { margin: 6px 0 10px; max-width: 76ch; }
.muted, .subtitle { color: var(--muted); }
.subtitle { margin: 0; }
nav.toc { font-size: 14px; margin: 10px 0 0; color: var(--muted); }
nav.toc a { color: inherit; margin-right: 14px; white-space: nowrap; }
code { font: 13px/1.3 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--band); padding: 1px 4px; border-radius: 3px; }
table { display: block; max-width: 100%; overflow-x: auto; border-collapse: collapse; margin: 8px 0 16px; font-size: 14px; font-variant-numeric: tabular-nums; }
th, td { padding: 4px 8px; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
th { font-weight: 600; border-bottom: 1px solid var(--ink); vertical-align: bottom; }
td.num, th.num { text-align: right; white-space: nowrap; }
tbody tr:nth-child(even) td { background: var(--band); }
table.run { margin-top: 16px; }
tfoot td { font-weight: 600; border-top: 1px solid var(--ink); border-bottom: none; }
.up { color: var(--up); }
.down { color: var(--down); }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; margin: 18px 0 8px; }
.card { border: 1px solid var(--rule); border-radius: 6px; padding: 10px 14px; background: var(--band); }
.card .label { font-size: 13px; color: var(--muted); }
.card .value { font-size: 21px; font-weight: 650; font-variant-numeric: tabular-nums; }
.card .note { font-size: 12px; color: var(--muted); }
figure.chart { margin: 10px 0 18px; }
figure.chart figcaption { font-size: 13px; color: var(--muted); margin-top: 2px; max-width: 76ch; }
figure.chart svg { max-width: 100%; height: auto; }
figure.chart div[class$="-swatches-wrap"] { font-size: 13px; margin-left: 8px; }
td code, th code { white-space: nowrap; }
td:first-child { white-space: nowrap; }
.empty { color: var(--muted); font-style: italic; }
footer { margin-top: 48px; font-size: 13px; color: var(--muted); border-top: 1px solid var(--rule); padding-top: 8px; }
@media print { main { padding: 0; } h2 { break-after: avoid; } figure, table { break-inside: avoid; } }
`;

/** A whole page: doctype, charset, CSP, inline style and the given body. */
export function page(options: PageOptions, body: Html): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
<style>${BASE_STYLE}${options.style ?? ''}</style>
</head>
<body>
<main>
${html`<header class="page"><h1>${options.title}</h1>${options.subtitle ? html`<p class="subtitle">${options.subtitle}</p>` : ''}</header>`}
${body}
</main>
</body>
</html>
`;
}
