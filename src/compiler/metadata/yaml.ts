import { LineCounter, parseDocument, isAlias, isCollection, isMap, isNode, isPair, isScalar, type Document, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import type { VFile } from 'vfile';
import { report } from '../messages.ts';
import { limits } from '../limits.ts';
import type { RuleId } from '../rules.ts';

export interface YamlRules {
  syntax: RuleId;
  invalid: RuleId;
}

/**
 * Parses a YAML file and validates it with a zod schema, reporting every problem at the
 * line of the offending key or value (`meta.yaml:4:10 … [kb:meta/invalid]`). Never throws:
 * whatever the text, the result is a value or positioned messages.
 */
export function parseYaml<S extends z.ZodType>(text: string, schema: S, file: VFile, rules: YamlRules, opts: { aliasLimit?: number } = {}): z.infer<S> | null {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const pos = counter.linePos(error.pos[0]);
      report(file, rules.syntax, `Unexpected YAML: ${error.message.split('\n')[0]}`, pos.line, pos.col);
    }
    return null;
  }
  // How many alias expansions (`*name`, counted with the aliases inside what they expand to) a
  // file may use: an "alias bomb" (each anchor a list of aliases of the previous one) needs a
  // few dozen to expand into billions of values (README "Limits", KB_MAX_YAML_ALIASES).
  const limit = opts.aliasLimit ?? limits().yamlAliases;
  const bomb = aliasOverflow(doc, limit);
  if (bomb) {
    const pos = counter.linePos(bomb.range?.[0] ?? 0);
    report(file, 'yaml/alias-limit', `Unexpected alias *${bomb.source}: expanding the aliases of this file would exceed ${limit} (an alias bomb?); write the values out instead of aliasing them`, pos.line, pos.col);
    return null;
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: limit });
  } catch (error) {
    // The `yaml` package's own checks (unresolved or excessive aliases) throw from toJS.
    const first = firstAlias(doc);
    const pos = counter.linePos(first?.range?.[0] ?? doc.contents?.range?.[0] ?? 0);
    report(file, rules.syntax, `Unexpected YAML: ${(error as Error).message}`, pos.line, pos.col);
    return null;
  }
  file.data.yamlLocate = (path) => locate(doc, counter, path);
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const path = issue.path as (string | number)[];
    const where = path.length > 0 ? `\`${path.join('.')}\`` : 'the file';
    if (issue.code === 'unrecognized_keys') {
      // Point at the first unknown key itself and say what is allowed there.
      const allowed = allowedKeys(schema, path);
      for (const key of issue.keys) {
        const { line, col } = locateKey(doc, counter, path, key) ?? locate(doc, counter, path);
        report(file, rules.invalid, `Unexpected key \`${key}\` in ${where}${allowed ? `: allowed keys are ${allowed.join(', ')}` : ''}`, line, col);
      }
      continue;
    }
    const { line, col } = locate(doc, counter, path);
    const missing = (issue.code === 'invalid_type' || issue.code === 'invalid_union') && path.length > 0 && valueAt(value, path) === undefined;
    const expected = issue.code === 'invalid_union' ? unionMessage(issue.errors, valueAt(value, path)) : issue.message;
    if (missing) {
      report(file, rules.invalid, `Unexpected missing field \`${String(path.at(-1))}\`${path.length > 1 ? ` in \`${path.slice(0, -1).join('.')}\`` : ''}: add it (${expected.replace(/^Invalid input: /u, '').replace(/(?:, received undefined|; found a undefined)$/u, '')})`, line, col);
    } else if (issue.code === 'invalid_union') {
      report(file, rules.invalid, `Unexpected value in ${where}: ${expected}`, line, col);
    } else {
      report(file, rules.invalid, `Unexpected value in ${where}: ${issue.message}`, line, col);
    }
  }
  return null;
}

type Issue = { code: string; message: string; expected?: string; values?: unknown[]; path: PropertyKey[] };

/**
 * Zod says only "Invalid input" when no option of a union fits (`issued: 2024` for a date or
 * `unknown`); this says what each option expects and what was found.
 */
function unionMessage(options: Issue[][], found: unknown): string {
  const wanted = new Set<string>();
  for (const errors of options) {
    const first = errors[0];
    if (!first) continue;
    if (first.code === 'invalid_type' && first.path.length === 0) wanted.add(first.expected === 'array' ? 'a list' : `a ${first.expected}`);
    else if (first.code === 'invalid_value') for (const v of first.values ?? []) wanted.add(JSON.stringify(v));
    else wanted.add(first.message.replace(/^Invalid input: /u, ''));
  }
  const kind = found === null ? 'nothing' : Array.isArray(found) ? 'a list' : typeof found === 'object' ? 'a mapping' : `a ${typeof found}`;
  const hint = typeof found === 'number' || typeof found === 'boolean'
    ? ` (write it in quotes: "${String(found)}")`
    : typeof found === 'string' && wanted.has('a list') ? ` (write a list: [${found}])` : '';
  return `expected ${[...wanted].join(' or ')}; found ${kind}${hint}`;
}

function valueAt(value: unknown, path: (string | number)[]): unknown {
  let at = value;
  for (const key of path) {
    if (at === null || typeof at !== 'object' || !Object.hasOwn(at, key)) return undefined;
    at = (at as Record<string | number, unknown>)[key];
  }
  return at;
}

/**
 * The first alias at which expanding the document (as a schema check walks it) passes `limit`
 * alias expansions, counting aliases met inside expanded values; null when it stays within.
 * The walk stops as soon as the limit is passed, so its cost is bounded by the limit.
 */
function aliasOverflow(doc: Document, limit: number): (YamlNode & { source: string }) | null {
  let count = 0;
  // The alias written in the document (not inside an anchor's expansion) being expanded.
  let top: (YamlNode & { source: string }) | null = null;
  const open = new Set<unknown>();
  const walk = (node: unknown, expanding: boolean): boolean => {
    if (isAlias(node)) {
      if (!expanding) top = node;
      if (++count > limit) return true;
      // An alias inside its own anchor cannot be expanded; yaml reports it as an error.
      if (open.has(node)) return false;
      open.add(node);
      const target = node.resolve(doc);
      const over = target ? walk(target, true) : false;
      open.delete(node);
      return over;
    }
    if (isPair(node)) return walk(node.key, expanding) || walk(node.value, expanding);
    if (isCollection(node)) {
      for (const item of node.items) if (walk(item, expanding)) return true;
    }
    return false;
  };
  return walk(doc.contents, false) ? top : null;
}

function firstAlias(doc: Document): (YamlNode & { source: string }) | null {
  let found: (YamlNode & { source: string }) | null = null;
  const walk = (node: unknown): void => {
    if (found) return;
    if (isAlias(node)) found = node;
    else if (isPair(node)) {
      walk(node.key);
      walk(node.value);
    } else if (isCollection(node)) for (const item of node.items) walk(item);
  };
  walk(doc.contents);
  return found;
}

function locate(doc: Document, counter: LineCounter, path: (string | number)[]): { line: number; col: number } {
  // Walk up the path until a node with a range exists (a missing key points at its parent).
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return counter.linePos(node.range[0]);
  }
  return { line: 1, col: 1 };
}

/** The position of a key (not its value) in the mapping at `path`. */
function locateKey(doc: Document, counter: LineCounter, path: (string | number)[], key: string): { line: number; col: number } | null {
  const map = path.length === 0 ? doc.contents : doc.getIn(path, true);
  if (!isMap(map)) return null;
  for (const pair of map.items) {
    const k = pair.key;
    if (isScalar(k) && String(k.value) === key && k.range) return counter.linePos(k.range[0]);
  }
  return null;
}

type ZodInternals = { _zod: { def: { type: string; shape?: Record<string, unknown>; element?: unknown; innerType?: unknown; options?: unknown[]; in?: unknown } } };

/** The keys a strict object schema allows at `path` (through arrays, defaults, unions), sorted as declared. */
export function allowedKeys(schema: unknown, path: (string | number)[]): string[] | null {
  const at = (s: unknown, rest: (string | number)[]): string[] | null => {
    const def = (s as ZodInternals | undefined)?._zod?.def;
    if (!def) return null;
    switch (def.type) {
      case 'default':
      case 'optional':
      case 'nullable':
      case 'prefault':
      case 'readonly':
        return at(def.innerType, rest);
      case 'pipe':
        return at(def.in, rest);
      case 'union':
        for (const o of def.options ?? []) {
          const keys = at(o, rest);
          if (keys) return keys;
        }
        return null;
      case 'array':
        return rest.length > 0 ? at(def.element, rest.slice(1)) : null;
      case 'object': {
        const shape = def.shape ?? {};
        if (rest.length === 0) return Object.keys(shape);
        const key = String(rest[0]);
        return Object.hasOwn(shape, key) ? at(shape[key], rest.slice(1)) : null;
      }
      default:
        return null;
    }
  };
  return at(schema, path);
}

declare module 'vfile' {
  interface DataMap {
    /** Line and column of a value in the YAML file, by its path (`['headings', 0]`). */
    yamlLocate: (path: (string | number)[]) => { line: number; col: number };
  }
}
