/**
 * After any write (core/milestoneAccess.ts): retries the outbox's due deliveries within what is
 * left of the command's bound. Reads one directory (usually missing) and loads no settings, so a
 * write with nothing pending pays next to nothing. Never throws.
 */
import type { Context } from '../context';
import { deliver } from './deliver';

export async function retryDue(ctx: Context): Promise<void> {
  try {
    await deliver(ctx);
  } catch (e) {
    ctx.env.err(`warning: webhook retries skipped: ${(e as Error).message.split('\n')[0]}\n`);
  }
}
