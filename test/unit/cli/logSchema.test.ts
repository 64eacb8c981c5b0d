/**
 * log.schema.json names every operation type `log --json` can print: the registry's (an operation
 * type added without it made the MCP client refuse the `log` tool's answer after a phase review).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPS } from '../../../src/domain/ops/registry';

describe('log.schema.json', () => {
  it('lists exactly the operation types of the registry', () => {
    const schema = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../schemas/log.schema.json'), 'utf8'));
    expect([...schema.items.properties.type.enum].sort()).toEqual([...OPS.types].sort());
  });
});
