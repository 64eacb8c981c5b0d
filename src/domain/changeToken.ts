/**
 * A short change token for cache keys (ref fingerprints, the settings key): 64-bit FNV-1a over
 * the string's UTF-16 code units (low byte, then the high byte when there is one), as 16 hex
 * digits. Not a cryptographic hash and never used as one: it only has to differ when its input
 * differs, for inputs nobody crafts, and it must not cost the ≈6 ms that loading `node:crypto`
 * costs on a read answered from the index.
 *
 * The 64-bit state is four 16-bit limbs (offset basis cbf29ce484222325, prime 2^40 + 0x1b3).
 */
export function changeToken(text: string): string {
  const h = [0x2325, 0x8422, 0x9ce4, 0xcbf2];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    mix(h, c & 0xff);
    if (c > 0xff) mix(h, c >>> 8);
  }
  return h.reverse().map((n) => n.toString(16).padStart(4, '0')).join('');
}

function mix(h: number[], byte: number): void {
  h[0] ^= byte;
  const t0 = h[0] * 0x1b3;
  const t1 = h[1] * 0x1b3 + (t0 >>> 16);
  const t2 = h[2] * 0x1b3 + (h[0] << 8) + (t1 >>> 16);
  const t3 = h[3] * 0x1b3 + (h[1] << 8) + (t2 >>> 16);
  h[0] = t0 & 0xffff;
  h[1] = t1 & 0xffff;
  h[2] = t2 & 0xffff;
  h[3] = t3 & 0xffff;
}
