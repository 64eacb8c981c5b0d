/**
 * Who holds what until when, as `list`, `show`, `next` and `task show` print it. The claims are
 * read by the command's execute (core/claim/listClaims.ts); only unreleased ones are shown, a
 * lapsed lease marked so.
 */
import type { ClaimView } from '../../../domain/claim/claimState';
import { oneLine, short } from '../../format';

export function holderText(c: ClaimView, now: number): string {
  const lapsed = Date.parse(c.expires) <= now ? ' (lapsed)' : '';
  return `held by ${oneLine(c.agent)} (${oneLine(c.holder)}) until ${c.expires}${lapsed}, fencing ${c.fencing}`;
}

/** `Claims:` and one line per claim, or '' when there are none. */
export function claimsText(claims: readonly ClaimView[], now: number): string {
  if (claims.length === 0) return '';
  return ['Claims:', ...claims.map((c) => `  task ${short(c.task)} ${holderText(c, now)}`)].join('\n');
}
