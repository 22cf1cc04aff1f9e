import { parseRate } from '../../../shared/money';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * Users type the rate as printed by the Central Bank ("129.35"); it is stored scaled (see
 * shared/money.ts). The message names the field as the server's messages do.
 */
export function readRate(text: string, label = 'Exchange rate (KES per USD)'): Parsed<number> {
  if (text.trim() === '') return { ok: false, message: `${label}: this is required.` };
  const scaled = parseRate(text);
  if (scaled === null) return { ok: false, message: `${label}: enter shillings per US dollar as a number such as 129.35 (up to 4 decimals).` };
  return { ok: true, value: scaled };
}
