/**
 * `config set`: writes one key of the settings file, keeping its comments, order and other keys
 * (yaml Document API). The value string is read as a YAML scalar (`true`, `5`, `foo`, `null`; a
 * flow list `[a, b]` too; `yes`/`off` for boolean keys, as git config reads them) and checked against the schema first: an invalid value throws
 * CONFIG_INVALID and nothing is written. Creates the file and its folders when missing; writes
 * atomically (temp file + rename).
 */
import type { Document, Node as YamlNode, Pair, YAMLMap } from 'yaml';
import { MilestoneError } from '../errors/MilestoneError';
import { coerceValue } from './coerceValue';
import { schemaNodeAt } from './configSchema';
import { configInvalidError } from './formatIssue';
import { buildTree } from './layerTree';
import { firstLine } from './parseConfigYaml';
import { readFileOrNull } from './readConfigFile';
import type { ConfigIssue, ReadFileFn, WriteFileFn } from './types';
import { validateValues } from './validateValues';
import { writeFileAtomic } from '../env/atomicWrite';

export interface SetConfigValueResult {
  /** The value written (after parsing the string). */
  value: unknown;
  /** True when the file did not exist before. */
  created: boolean;
  warnings: ConfigIssue[];
}

/** Reads a command-line value as YAML: scalars, flow collections; anything else stays a string. */
export function parseValueString(text: string): unknown {
  const YAML = require('yaml') as typeof import('yaml');
  if (text.trim() === '') return text;
  const doc = YAML.parseDocument(text);
  const c = doc.contents;
  if (doc.errors.length > 0 || c === null || doc.comment || (YAML.isNode(c) && c.comment)) return text;
  if (YAML.isScalar(c)) return c.toJS(doc);
  if (YAML.isCollection(c) && /^[[{]/.test(text.trim())) return c.toJS(doc);
  return text;
}


type Spot = { map: YAMLMap; rest: string[]; pair?: Pair };

/** The pair holding `segs` (flat dotted or nested keys), else the deepest map to add it to. */
function findSpot(YAML: typeof import('yaml'), map: YAMLMap, segs: string[]): Spot {
  let best: Spot = { map, rest: segs };
  for (const pair of map.items) {
    const key = YAML.isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const k = key.split('.');
    if (k.length > segs.length || !k.every((s, i) => s === segs[i])) continue;
    const rest = segs.slice(k.length);
    if (rest.length === 0) return { map, rest, pair };
    if (YAML.isMap(pair.value)) {
      const inner = findSpot(YAML, pair.value, rest);
      if (inner.pair || inner.rest.length < best.rest.length) best = inner;
      if (inner.pair) return inner;
    } else if (rest.length < best.rest.length) {
      best = { map, rest, pair }; // a scalar sits where a section is needed: it is replaced
    }
  }
  return best;
}

function nest(rest: string[], value: unknown): unknown {
  return rest.reduceRight<unknown>((acc, seg) => ({ [seg]: acc }), value);
}

export function setConfigValue(opts: {
  path: string;
  key: string;
  value: unknown;
  displayPath?: string;
  readFile?: ReadFileFn;
  writeFile?: WriteFileFn;
}): SetConfigValueResult {
  const YAML = require('yaml') as typeof import('yaml');
  const file = opts.displayPath ?? opts.path;
  const segs = opts.key.split('.');
  if (opts.key.trim() === '' || segs.some((s) => s === '' || /\s/.test(s))) {
    throw new MilestoneError('INVALID_INPUT', `not a settings key: "${opts.key}"`, { hint: 'Keys are dotted paths such as cache.ttl.' });
  }
  let value = typeof opts.value === 'string' ? parseValueString(opts.value) : opts.value;
  if (typeof value === 'string') {
    const c = coerceValue(value, schemaNodeAt(opts.key)); // `yes`, `off`... as git config reads them
    if (c.ok) value = c.value;
  }
  const check = validateValues(buildTree([[opts.key, value]]), () => ({ file }));
  if (check.errors.length > 0) throw configInvalidError([...check.errors, ...check.warnings]);

  const text = (opts.readFile ?? readFileOrNull)(opts.path);
  const lineCounter = new YAML.LineCounter();
  const doc: Document = text === null ? new YAML.Document({}) : YAML.parseDocument(text, { lineCounter });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const { line, col } = lineCounter.linePos(e.pos[0]);
    const issue: ConfigIssue = { file, line, col, path: '', message: firstLine(e.message), severity: 'error' };
    throw configInvalidError([issue], 'Fix the YAML syntax first; the file was left as it was.');
  }
  if (doc.contents === null || (YAML.isScalar(doc.contents) && doc.contents.value === null)) doc.contents = doc.createNode({});
  if (!YAML.isMap(doc.contents)) {
    throw configInvalidError([{ file, path: '', message: 'expected a mapping of settings at the top level', severity: 'error' }]);
  }

  const spot = findSpot(YAML, doc.contents, segs);
  const node = doc.createNode(spot.rest.length === 0 ? value : nest(spot.rest, value)) as YamlNode;
  if (spot.pair) {
    const old = spot.pair.value as YamlNode | null;
    if (YAML.isNode(old)) {
      node.comment = old.comment;
      node.commentBefore = old.commentBefore;
      node.spaceBefore = old.spaceBefore;
    }
    spot.pair.value = node;
  } else {
    spot.map.add(doc.createPair(spot.rest[0], nest(spot.rest.slice(1), value)));
  }

  (opts.writeFile ?? ((f: string, t: string) => writeFileAtomic(f, t, { mkdir: true })))(opts.path, doc.toString({ lineWidth: 0 }));
  return { value, created: text === null, warnings: check.warnings };
}
