import type { Figure } from './Figure.js';

/** `measured` as the table shows it. */
function formatMeasured(f: Figure): string {
  if (Number.isNaN(f.measured)) return 'n/a';
  switch (f.unit) {
    case 'x':
      return f.measured.toFixed(3);
    case 'ms':
      return `${f.measured.toFixed(3)} ms`;
    case 'MB':
      return `${f.measured.toFixed(1)} MB`;
    default:
      return String(Math.round(f.measured));
  }
}

/** The target as the table shows it. */
function formatTarget(f: Figure): string {
  if (!f.target) return '';
  const unit = f.unit === 'ms' || f.unit === 'MB' ? ` ${f.unit}` : '';
  return `${f.target.op} ${f.target.value}${unit}`;
}

/** A Markdown table of the figures, its columns padded as the formatter (biome) wants them. */
export function markdownTable(figures: readonly Figure[]): string {
  const header = ['figure', 'measured', 'target', 'met?', 'how'];
  const rightAligned = [false, true, false, false, false];
  const rows = figures.map((f) => [
    `${f.section.split(' ')[0]} ${f.name}`,
    formatMeasured(f),
    formatTarget(f),
    f.met === undefined ? '' : f.met ? 'yes' : '**no**',
    f.detail,
  ]);
  const widths = header.map((h, i) => Math.max(3, h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => (rightAligned[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ')} |`;
  const rule = `| ${widths.map((w, i) => (rightAligned[i] ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** The figures as a plain-text table for the terminal, grouped by section. */
export function printTable(figures: readonly Figure[]): void {
  const width = Math.max(...figures.map((f) => f.name.length));
  let section = '';
  for (const f of figures) {
    if (f.section !== section) {
      section = f.section;
      console.log(`\n${section}`);
      console.log(`  ${'figure'.padEnd(width)}  ${'measured'.padStart(11)}  ${'target'.padEnd(10)}  met?`);
    }
    const met = f.met === undefined ? '' : f.met ? 'yes' : 'NO';
    console.log(
      `  ${f.name.padEnd(width)}  ${formatMeasured(f).padStart(11)}  ${formatTarget(f).padEnd(10)}  ${met.padEnd(4)}  ${f.detail}`,
    );
  }
}
