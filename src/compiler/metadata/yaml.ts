import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { z } from 'zod';
import type { VFile } from 'vfile';
import { report } from '../messages.ts';
import { limits } from '../limits.ts';
import type { RuleId } from '../rules.ts';

/**
 * Parses a YAML file and validates it with a zod schema, reporting every problem at the
 * line of the offending key or value (`meta.yaml:4:10 … [kb:meta/invalid]`).
 */
export function parseYaml<S extends z.ZodType>(text: string, schema: S, file: VFile, rules: { syntax: RuleId; invalid: RuleId }): z.infer<S> | null {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const pos = counter.linePos(error.pos[0]);
      report(file, rules.syntax, `Unexpected YAML: ${error.message.split('\n')[0]}`, pos.line, pos.col);
    }
    return null;
  }
  const result = schema.safeParse(doc.toJS({ maxAliasCount: limits().yamlAliases }) ?? {});
  file.data.yamlLocate = (path) => locate(doc, counter, path);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const { line, col } = locate(doc, counter, issue.path as (string | number)[]);
    const field = issue.path.length > 0 ? `\`${issue.path.join('.')}\`` : 'the file';
    report(file, rules.invalid, `Unexpected value in ${field}: ${issue.message}`, line, col);
  }
  return null;
}

function locate(doc: Document, counter: LineCounter, path: (string | number)[]): { line: number; col: number } {
  // Walk up the path until a node with a range exists (a missing key points at its parent).
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return counter.linePos(node.range[0]);
  }
  return { line: 1, col: 1 };
}

declare module 'vfile' {
  interface DataMap {
    /** Line and column of a value in the YAML file, by its path (`['headings', 0]`). */
    yamlLocate: (path: (string | number)[]) => { line: number; col: number };
  }
}
