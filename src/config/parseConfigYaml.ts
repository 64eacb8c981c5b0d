/**
 * Parses the text of a settings file into a nested value tree and remembers the line of every key.
 * Flat dotted keys (`cache.ttl: 5`) mean the nested path and merge with nested sections; the same
 * path written twice is an error. yaml is required lazily: only callers that read a file pay for it.
 */
import type { Node as YamlNode, LineCounter } from 'yaml';
import { isPlainObject, type Tree } from './layerTree';
import type { ConfigIssue } from './types';

export interface ParsedConfigYaml {
  values: Tree;
  /** Dotted path → 1-based line of its key. */
  lines: Map<string, number>;
  errors: ConfigIssue[];
  warnings: ConfigIssue[];
}

/** yaml's message without the position and code snippet it appends. */
export function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '').trim();
}

export function parseConfigYaml(opts: { text: string; file: string }): ParsedConfigYaml {
  const YAML = require('yaml') as typeof import('yaml');
  const { file } = opts;
  const result: ParsedConfigYaml = { values: {}, lines: new Map(), errors: [], warnings: [] };
  const lineCounter: LineCounter = new YAML.LineCounter();
  const doc = YAML.parseDocument(opts.text, { lineCounter, prettyErrors: false });

  const issue = (severity: ConfigIssue['severity'], e: { message: string; pos: [number, number] }): ConfigIssue => {
    const { line, col } = lineCounter.linePos(e.pos[0]);
    return { file, line, col, path: '', message: firstLine(e.message), severity };
  };
  for (const e of doc.errors) result.errors.push(issue('error', e));
  for (const w of doc.warnings) result.warnings.push(issue('warning', w));
  if (result.errors.length > 0) return result;

  const lineOf = (node: YamlNode | null | undefined): number | undefined =>
    node?.range ? lineCounter.linePos(node.range[0]).line : undefined;

  const contents = doc.contents;
  if (contents === null || (YAML.isScalar(contents) && contents.value === null)) return result;
  if (!YAML.isMap(contents)) {
    result.errors.push({ file, line: lineOf(contents), path: '', message: 'expected a mapping of settings at the top level', severity: 'error' });
    return result;
  }

  const walk = (map: import('yaml').YAMLMap, prefix: string[]): void => {
    for (const pair of map.items) {
      const keyNode = pair.key as YamlNode | null;
      const rawKey = YAML.isScalar(keyNode) ? keyNode.value : keyNode;
      const segments = [...prefix, ...String(rawKey).split('.')];
      const dotted = segments.join('.');
      const line = lineOf(keyNode) ?? lineOf(pair.value as YamlNode | null);
      if (segments.some((s) => s === '')) {
        result.errors.push({ file, line, path: dotted, message: 'empty segment in key', severity: 'error' });
        continue;
      }
      const valueNode = pair.value as YamlNode | null;
      const section = YAML.isMap(valueNode);
      if (!claim(segments, dotted, line, section)) continue;
      if (YAML.isMap(valueNode)) {
        walk(valueNode, segments);
      } else {
        const value = valueNode === null ? null : valueNode.toJS(doc);
        setAt(segments, value);
      }
    }
  };

  /** The path already holding something this key would overwrite, if any. */
  const clashWith = (segments: string[], section: boolean): string | undefined => {
    for (let i = 1; i < segments.length; i++) {
      const v = getAt(segments.slice(0, i));
      if (v !== undefined && !isPlainObject(v)) return segments.slice(0, i).join('.');
    }
    const here = getAt(segments);
    if (here !== undefined && !(section && isPlainObject(here))) return segments.join('.');
    return undefined;
  };
  const lineOfPath = (p: string): number | undefined =>
    result.lines.get(p) ?? [...result.lines].find(([k]) => k.startsWith(p + '.'))?.[1];

  /** Registers a path; reports a duplicate or a clash with the same path written another way. */
  const claim = (segments: string[], dotted: string, line: number | undefined, section: boolean): boolean => {
    const clash = clashWith(segments, section);
    if (clash !== undefined) {
      const message = `duplicate key (${clash === dotted ? 'also' : `${clash} is`} set at line ${lineOfPath(clash)})`;
      result.errors.push({ file, line, path: dotted, message, severity: 'error' });
      return false;
    }
    if (!result.lines.has(dotted)) result.lines.set(dotted, line ?? 0);
    if (section && getAt(segments) === undefined) setAt(segments, {});
    return true;
  };

  const getAt = (segments: string[]): unknown => {
    let node: unknown = result.values;
    for (const s of segments) node = isPlainObject(node) ? node[s] : undefined;
    return node;
  };
  const setAt = (segments: string[], value: unknown): void => {
    let node = result.values;
    for (const s of segments.slice(0, -1)) {
      if (!isPlainObject(node[s])) node[s] = {};
      node = node[s] as Tree;
    }
    node[segments[segments.length - 1]] = value;
  };

  walk(contents, []);
  return result;
}
