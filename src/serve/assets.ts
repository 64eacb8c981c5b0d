/**
 * The board's pages, styles and scripts: plain files shipped in the package (assets/serve/, listed
 * in package.json "files"), read once at start-up and served from memory. Nothing is fetched from
 * anywhere else. The folder is found two levels above this module, which holds for the compiled
 * module (dist/serve/), the CLI bundle (dist/cli/) and the sources under test (src/serve/).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MilestoneError } from '../errors/MilestoneError';

export interface Asset {
  type: string;
  body: Buffer;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
};

export const ASSET_DIR = path.join(__dirname, '..', '..', 'assets', 'serve');

/** name → asset, for every file of a known type in `dir`. */
export function loadAssets(dir = ASSET_DIR): Map<string, Asset> {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch (e) {
    throw new MilestoneError('INTERNAL', `the board's files are missing (${dir})`, {
      hint: 'Reinstall git-milestone: its package ships them under assets/serve/.', cause: e,
    });
  }
  const assets = new Map<string, Asset>();
  for (const name of names.sort()) {
    const type = TYPES[path.extname(name)];
    if (type) assets.set(name, { type, body: fs.readFileSync(path.join(dir, name)) });
  }
  return assets;
}
