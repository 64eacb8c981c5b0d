/**
 * Reads a YAML file written by users (a workflow or a milestone template) and checks it against a
 * JSON schema in schemas/, reporting every problem as a ConfigIssue with the file, the line and
 * the dotted key (`phases.1.weight`), like settings issues (config/formatIssue.ts words them).
 * yaml and ajv are required on first use only, and each schema is compiled once per process.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Document, LineCounter, Node as YamlNode } from 'yaml';
import { CONFIG_SCHEMA_PATH } from '../../config/configSchema';
import { firstLine } from '../../config/parseConfigYaml';
import type { ConfigIssue } from '../../config/types';
import { describeValue } from '../../config/validateValues';

export interface YamlFileCheck {
  /** The parsed value; undefined when the YAML itself is broken. */
  value?: unknown;
  errors: ConfigIssue[];
  warnings: ConfigIssue[];
  /** Line of the key (or item) at a path of segments; the nearest enclosing one when not found. */
  lineOf(segments: Array<string | number>): number | undefined;
}

const validators = new Map<string, ValidateFunction>();

function validatorFor(schemaFile: string): ValidateFunction {
  let v = validators.get(schemaFile);
  if (!v) {
    const Ajv = (require('ajv') as typeof import('ajv')).default;
    const ajv = new Ajv({
      allErrors: true, verbose: true, strict: false, validateSchema: false, code: { optimize: false },
    });
    // Beside the settings schema, found the same way from the sources, dist/ and the bundles.
    const file = path.join(path.dirname(CONFIG_SCHEMA_PATH), schemaFile);
    v = ajv.compile(JSON.parse(fs.readFileSync(file, 'utf8')));
    validators.set(schemaFile, v);
  }
  return v;
}

function nodeLine(doc: Document, counter: LineCounter, segments: Array<string | number>): number | undefined {
  const YAML = require('yaml') as typeof import('yaml');
  let node: unknown = doc.contents;
  let line: number | undefined;
  const at = (n: unknown): number | undefined => {
    const range = (n as YamlNode | null)?.range;
    return range ? counter.linePos(range[0]).line : undefined;
  };
  for (const s of segments) {
    if (YAML.isMap(node)) {
      const pair = node.items.find((p) => String(YAML.isScalar(p.key) ? p.key.value : p.key) === String(s));
      if (!pair) break;
      line = at(pair.key) ?? line;
      node = pair.value;
    } else if (YAML.isSeq(node)) {
      const item = node.items[Number(s)];
      if (item === undefined) break;
      line = at(item) ?? line;
      node = item;
    } else break;
  }
  return line ?? at(doc.contents);
}

function explain(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  const got = describeValue(e.data);
  switch (e.keyword) {
    case 'required': return `missing required key ${String(p.missingProperty)}`;
    case 'additionalProperties': return 'unknown key';
    case 'type': return `expected ${String(p.type)}, got ${got}`;
    case 'enum': return `expected one of ${(p.allowedValues as unknown[]).join(', ')}, got ${got}`;
    default: return `${e.message ?? 'is invalid'}, got ${got}`;
  }
}

export function checkYamlFile(o: { file: string; text: string; schema: string }): YamlFileCheck {
  const YAML = require('yaml') as typeof import('yaml');
  const { file } = o;
  const counter = new YAML.LineCounter();
  const doc = YAML.parseDocument(o.text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const out: YamlFileCheck = { errors: [], warnings: [], lineOf: (s) => nodeLine(doc, counter, s) };
  type YamlProblem = { message: string; pos: [number, number] };
  const issue = (severity: ConfigIssue['severity'], e: YamlProblem): ConfigIssue => {
    const { line, col } = counter.linePos(e.pos[0]);
    return { file, line, col, path: '', message: firstLine(e.message), severity };
  };
  out.errors.push(...doc.errors.map((e) => issue('error', e)));
  out.warnings.push(...doc.warnings.map((w) => issue('warning', w)));
  if (out.errors.length > 0) return out;
  out.value = doc.toJS() ?? {};
  const validate = validatorFor(o.schema);
  if (validate(out.value)) return out;
  const seen = new Set<string>();
  for (const e of validate.errors ?? []) {
    const segments: Array<string | number> = e.instancePath === '' ? [] : e.instancePath.slice(1).split('/')
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    if (e.keyword === 'additionalProperties') {
      segments.push(String((e.params as { additionalProperty: string }).additionalProperty));
    }
    const key = segments.join('.');
    if (seen.has(key) && e.keyword !== 'required') continue; // one issue per key
    seen.add(key);
    out.errors.push({ file, line: out.lineOf(segments), path: key, message: explain(e), severity: 'error' });
  }
  out.errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return out;
}
