import type { MockStats } from 'zim-resilience/mock';
import type { DemoOptions } from './args.js';
import { DEMO_ACTIONS, demoLimit } from './limits.js';
import { perSecond } from './stats.js';

const PANEL_W = 640;
const PANEL_H = 130;
const MARGIN = { left: 48, right: 16, top: 26, bottom: 22 };
const COLS = 2;

const xml = (text: string) =>
  text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);

/** One panel: arrivals per second as bars, the limit as a dashed line. */
function panel(action: string, bins: readonly number[], cap: number, label: string, x0: number, y0: number) {
  const w = PANEL_W - MARGIN.left - MARGIN.right;
  const h = PANEL_H - MARGIN.top - MARGIN.bottom;
  const top = Math.max(cap, ...bins, 1) * 1.15;
  const x = (s: number) => x0 + MARGIN.left + (s / bins.length) * w;
  const y = (v: number) => y0 + MARGIN.top + h - (v / top) * h;
  const barW = Math.max(1, w / bins.length - 1);
  const parts: string[] = [
    `<text x="${x0 + MARGIN.left}" y="${y0 + 16}" class="title">${xml(action)}</text>`,
    `<text x="${x0 + PANEL_W - MARGIN.right}" y="${y0 + 16}" class="note" text-anchor="end">limit ${xml(label)}</text>`,
    `<line x1="${x(0)}" y1="${y(0)}" x2="${x(bins.length)}" y2="${y(0)}" class="axis"/>`,
    `<text x="${x0 + MARGIN.left - 6}" y="${y(0) + 4}" class="tick" text-anchor="end">0</text>`,
    `<text x="${x0 + MARGIN.left - 6}" y="${y(cap) + 4}" class="tick" text-anchor="end">${cap}</text>`,
  ];
  bins.forEach((n, s) => {
    if (n === 0) return;
    const over = n > cap ? ' over' : '';
    parts.push(
      `<rect x="${x(s).toFixed(1)}" y="${y(n).toFixed(1)}" width="${barW.toFixed(1)}" height="${(y(0) - y(n)).toFixed(1)}" class="bar${over}"><title>${s}-${s + 1} s: ${n} calls</title></rect>`,
    );
  });
  parts.push(`<line x1="${x(0)}" y1="${y(cap)}" x2="${x(bins.length)}" y2="${y(cap)}" class="limit"/>`);
  for (let s = 0; s <= bins.length; s += Math.max(1, Math.ceil(bins.length / 10))) {
    parts.push(`<text x="${x(s)}" y="${y(0) + 15}" class="tick" text-anchor="middle">${s}s</text>`);
  }
  return parts.join('\n');
}

/**
 * A hand-written SVG: one panel per action of the demo, arrivals per second as the mock server
 * counted them (`stats()[action].timestamps`), against the action's limit as a dashed line.
 */
export function renderChart(stats: MockStats, options: DemoOptions, t0: number, t1: number): string {
  const seconds = Math.max(1, Math.ceil((t1 - t0) / 1000));
  const rows = Math.ceil(DEMO_ACTIONS.length / COLS);
  const width = PANEL_W * COLS;
  const height = PANEL_H * rows + 40;
  const panels = DEMO_ACTIONS.map((action, i) => {
    const limit = demoLimit(action, options);
    const bins = perSecond(stats[action].timestamps, t0, seconds);
    return panel(
      action,
      bins,
      limit.cap,
      limit.label,
      (i % COLS) * PANEL_W,
      40 + Math.floor(i / COLS) * PANEL_H,
    );
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif">
<style>
  .title { font-size: 13px; font-weight: 600; fill: #222; }
  .note, .tick { font-size: 11px; fill: #555; }
  .heading { font-size: 15px; font-weight: 600; fill: #111; }
  .axis { stroke: #999; stroke-width: 1; }
  .bar { fill: #4c78a8; }
  .bar.over { fill: #e45756; }
  .limit { stroke: #e45756; stroke-width: 1.5; stroke-dasharray: 5 4; }
</style>
<rect width="100%" height="100%" fill="#fff"/>
<text x="16" y="24" class="heading">zim-resilience demo: calls per second the server saw, per action, against its limit (dashed line)</text>
<text x="${width - 16}" y="24" class="note" text-anchor="end">bars: arrivals per second, as the mock server counted them (red: over the limit)</text>
${panels.join('\n')}
</svg>
`;
}
