import { inferredDirection } from '../../shared/analysis/indicator-progress';
import type { ExchangeName } from './exchange-tables';

/**
 * Rows written by an older bundle format, brought to the current one before they are validated,
 * so a bundle a partner made with an older copy of Pamoja JWP still imports.
 *
 * Format 4 gave indicators a desired direction and a band: an older indicator takes the direction
 * the app inferred for it then (an end target below the baseline: decrease), as migration 0008
 * did for the rows in the database.
 */
export function upgradeRows(register: ExchangeName, data: unknown, formatVersion: number): unknown {
  if (formatVersion >= 4 || register !== 'indicator' || !Array.isArray(data)) return data;
  return data.map((item: unknown) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item) || Object.hasOwn(item, 'direction')) return item;
    const { baselineValue, targetValue } = item as { baselineValue?: unknown; targetValue?: unknown };
    // Values of the wrong type are left for the register's schema to name.
    const direction =
      typeof targetValue === 'number' && (typeof baselineValue === 'number' || baselineValue === null)
        ? inferredDirection({ baselineValue, targetValue })
        : 'increase';
    return { ...item, direction, rangeMin: null, rangeMax: null };
  });
}
