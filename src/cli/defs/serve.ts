/** `git milestone serve [--port N] [--write]`: the local web board. */
import { jsonText } from '../../env/Env';
import { MilestoneError } from '../../errors/MilestoneError';
import { startBoard, type RunningBoard } from '../../serve/startBoard';
import type { CommandDef } from '../CommandDef';

export interface ServeResult {
  url: string;
  port: number;
  token: string;
  write: boolean;
}

/** Resolves at the first SIGINT (Ctrl-C) or SIGTERM. */
function stopSignal(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

const def: CommandDef<ServeResult> = {
  summary: 'A local web board: milestones, task boards, dependencies, reviews and burndown, live.',
  description: `Listens on 127.0.0.1 only (a free port unless --port) and prints the URL to open. It
carries a random token: a request without it, or naming another Host or Origin, is refused (other
local users and web pages stay out). The pages update by themselves when the milestones change (a
command, a fetch, a colleague's push merged here). Read-only unless --write: then a task can be moved
between statuses, a phase moved on, and a phase approved or rejected, through the same code as the
commands. Ctrl-C stops it. With --json the first line is {url, port, token, write}.`,
  examples: [
    'git milestone serve',
    'git milestone serve --port 8765 --write',
    'git milestone serve --json',
  ],
  flags: {
    port: { type: 'integer', char: 'p', description: 'Port to listen on (default: any free port).' },
    write: { type: 'boolean', description: 'Allow changes from the board (move tasks, phases, review).' },
  },
  printsItself: true,
  async execute(ctx, input) {
    const port = (input.flags.port as number | undefined) ?? 0;
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new MilestoneError('USAGE', `--port must be from 0 to 65535 (got ${port})`);
    }
    let board: RunningBoard | undefined;
    try {
      board = await startBoard({ ctx, port, write: Boolean(input.flags.write) });
      const stopped = stopSignal();
      const result = { url: board.url, port: board.port, token: board.token, write: board.write };
      if (input.flags.json) ctx.env.out(jsonText(result, false));
      else {
        const mode = board.write ? 'changes allowed (--write)' : 'read-only';
        ctx.env.out(`Board (${mode}): ${board.url}\nOpen it in a browser; Ctrl-C stops the server.\n`);
      }
      await stopped;
      return result;
    } finally {
      await board?.close();
    }
  },
  text: () => '',
};

export default def;
