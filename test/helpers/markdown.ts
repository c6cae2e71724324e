import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A fenced code block of a Markdown file. */
export interface Block {
  readonly lang: string;
  readonly body: string;
  /** What it is a copy of, when it sits between include markers: `PATH` or `PATH#REGION`. */
  readonly include: string | undefined;
  readonly line: number;
}

/** The fenced code blocks of a Markdown text, each with the include region it sits in, if any. */
export function codeBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.split('\n');
  let include: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const marker = /^<!-- include:(.+):(start|end) -->$/.exec(line);
    if (marker) include = marker[2] === 'start' ? marker[1] : undefined;
    const fence = /^```(\w*)$/.exec(line);
    if (!fence) continue;
    const start = i;
    const body: string[] = [];
    while (++i < lines.length && lines[i] !== '```') body.push(lines[i]!);
    blocks.push({ lang: fence[1] ?? '', body: body.join('\n'), include, line: start + 1 });
  }
  return blocks;
}

/**
 * What an include shows, as scripts/gen-docs.mjs copies it: the whole file, or for `PATH#NAME` the
 * lines between `// #region NAME` and `// #endregion NAME`.
 */
export function includedText(root: string, include: string): string {
  const [file, region] = include.split('#');
  const text = readFileSync(join(root, file!), 'utf8');
  if (region === undefined) return text.trimEnd();
  const lines = text.split('\n');
  const start = lines.indexOf(`// #region ${region}`);
  const end = lines.indexOf(`// #endregion ${region}`);
  if (start === -1 || end < start) throw new Error(`${file} has no region ${region}`);
  return lines
    .slice(start + 1, end)
    .join('\n')
    .trimEnd();
}

/** The anchors of a Markdown text's headings, as GitHub makes them. */
export function slugsOf(markdown: string): string[] {
  return [...markdown.matchAll(/^#+ (.+)$/gm)].map((m) =>
    m[1]!
      .toLowerCase()
      .replace(/[^\w\- ]/g, '')
      .replace(/ /g, '-'),
  );
}
