/**
 * GitHub's webhook signing scheme: HMAC-SHA256 of the raw request body with a shared secret, sent
 * as `X-Milestone-Signature-256: sha256=<hex>`. Pure: the caller computes the HMAC (core/notify
 * loads node:crypto lazily); this file names the headers and the input.
 */

export const SIGNATURE_HEADER = 'X-Milestone-Signature-256';
export const DELIVERY_HEADER = 'X-Milestone-Delivery';
export const EVENT_HEADER = 'X-Milestone-Event';

/** The bytes the HMAC covers: the body exactly as sent, UTF-8. */
export function signingInput(body: string): string {
  return body;
}

export function signatureValue(hexDigest: string): string {
  return `sha256=${hexDigest}`;
}

/** The request headers of one delivery (signature only when a secret is configured). */
export function deliveryHeaders(o: {
  id: string; event: string; hexDigest: string | null; userAgent: string;
}): Record<string, string> {
  const h: Record<string, string> = {
    'Content-Type': 'application/json',
    'User-Agent': o.userAgent,
    [DELIVERY_HEADER]: o.id,
    [EVENT_HEADER]: o.event,
  };
  if (o.hexDigest !== null) h[SIGNATURE_HEADER] = signatureValue(o.hexDigest);
  return h;
}
