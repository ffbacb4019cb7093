import { describe, expect, test } from 'vitest';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Block, Inline } from '../../src/compiler/types.ts';
import { compileText } from '../helpers.ts';

/**
 * Rule tests as fixture folders, one per rule (the unified habit): `test/fixtures/<rule>/`
 * holds `input.txt` (and `overrides.yaml` when the rule needs one), `tree.txt` (the expected
 * block tree, one block a line, indented by nesting) and `messages.txt` (the expected
 * warnings and removed-artifact counts). `UPDATE=1 npx vitest run test/compiler/fixtures.test.ts`
 * regenerates the expectations; review the diff before committing it.
 */
const root = path.resolve(import.meta.dirname, '../fixtures');
const folders = readdirSync(root).filter((f) => existsSync(path.join(root, f, 'input.txt'))).sort();

const text = (content: Inline[]) => content.map((c) => (c.type === 'fnref' ? `[^${c.label}]` : c.type === 'xref' ? `[${c.span.text}](#${c.target})` : c.span.text)).join('');

export function treeText(blocks: Block[], depth = 0): string[] {
  const pad = '  '.repeat(depth);
  const out: string[] = [];
  for (const b of blocks) {
    const at = `#${b.id} L${b.from}${b.to !== b.from ? `-${b.to}` : ''}`;
    switch (b.type) {
      case 'heading':
        out.push(`${pad}h${b.depth} ${at} ${b.key} ${b.num ? `${b.num.text} ` : ''}${text(b.title)}`);
        break;
      case 'item':
        out.push(`${pad}item ${at} ${b.key}${b.role ? `/${b.role}` : ''} ${b.marker.text ? `${b.marker.text} ` : ''}${text(b.content)}`);
        out.push(...treeText(b.children, depth + 1));
        break;
      case 'para':
        out.push(`${pad}para ${at} ${text(b.content)}`);
        break;
      case 'table':
        out.push(`${pad}table ${at} ${b.rows.length}×${Math.max(0, ...b.rows.map((r) => r.length))}`);
        for (const r of b.rows) out.push(`${pad}  | ${r.map(text).join(' | ')} |`);
        break;
      case 'pre':
        out.push(`${pad}pre ${at} ${b.reason}`);
        for (const l of b.lines) out.push(`${pad}  ${l.text}`);
        break;
      case 'figure':
        out.push(`${pad}figure ${at} ${b.kind} ${b.num} ${b.title}`);
        out.push(...treeText(b.children, depth + 1));
        break;
      case 'facts':
        out.push(`${pad}facts ${at} ${b.entries.map((e) => `${e.label.text}=${e.value.text}`).join('; ')}`);
        break;
      case 'footnote':
        out.push(`${pad}footnote ${b.label} ${text(b.content)}`);
        break;
    }
  }
  return out;
}

describe.each(folders)('%s', (name) => {
  const dir = path.join(root, name);
  const input = readFileSync(path.join(dir, 'input.txt'), 'utf8');
  const overrides = existsSync(path.join(dir, 'overrides.yaml')) ? readFileSync(path.join(dir, 'overrides.yaml'), 'utf8') : null;
  const { result, messages } = compileText(input, { overrides });
  const tree = result ? [...treeText(result.tree.children), ...treeText(result.tree.footnotes)].join('\n') + '\n' : 'compile failed\n';
  const removed = result ? Object.entries(result.record.stats.removed ?? {}).map(([r, n]) => `removed ${r} ${n}`) : [];
  const report = [...messages.map((m) => m.replace(/^[^ ]*:(\d+):\d+ /u, 'L$1 ')), ...removed].join('\n') + '\n';
  if (process.env.UPDATE) {
    writeFileSync(path.join(dir, 'tree.txt'), tree);
    writeFileSync(path.join(dir, 'messages.txt'), report);
  }
  test('block tree', () => expect(tree).toBe(readFileSync(path.join(dir, 'tree.txt'), 'utf8')));
  test('messages', () => expect(report).toBe(readFileSync(path.join(dir, 'messages.txt'), 'utf8')));
});
