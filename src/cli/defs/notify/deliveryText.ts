/** Deliveries as a table for `notify log|flush|test`: status, event, tries, last answer, next retry, URL. */
import type { DeliveryView } from '../../../domain/notify/delivery';
import { escapeControls, table } from '../../format';
import type { TextStyle } from '../../style';

function answer(d: DeliveryView): string {
  if (d.lastError !== null) return d.lastError;
  return d.lastStatusCode === null ? '-' : `HTTP ${d.lastStatusCode}`;
}

export function deliveryTable(ds: DeliveryView[], style: TextStyle): string {
  const rows = ds.map((d) => [
    d.status, d.event, String(d.attempts), answer(d), d.nextAttemptAt ?? '-', d.createdAt,
    escapeControls(d.url),
  ]);
  return table(rows, ['STATUS', 'EVENT', 'TRIES', 'LAST', 'NEXT RETRY', 'CREATED', 'URL'], style);
}
