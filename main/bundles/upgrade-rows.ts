import { inferredDirection } from '../../shared/analysis/indicator-progress';
import { isRecord } from '../../shared/guards';
import { withAddedFields } from '../db/added-fields';
import type { ExchangeName } from './exchange-tables';

/**
 * Rows written by an older bundle format, brought to the current one before they are validated,
 * so a bundle a partner made with an older copy of Pamoja JWP still imports.
 *
 * Format 4 gave indicators a desired direction and a band: an older indicator takes the direction
 * the app inferred for it then (an end target below the baseline: decrease), as migration 0008
 * did for the rows in the database.
 *
 * Format 6 added the manual's M&E and learning template fields: an older row takes the values
 * migration 0011 gave the database's own rows (main/db/added-fields.ts).
 *
 * Format 8 let an in-kind budget line be not valued: every line of an older bundle was valued.
 */
export function upgradeRows(register: ExchangeName, data: unknown, formatVersion: number): unknown {
  if (formatVersion >= 8 || !Array.isArray(data)) return data;
  return data.map((item: unknown) => {
    // Values of the wrong type are left for the register's schema to name.
    if (!isRecord(item)) return item;
    const upgraded = withAddedFields(register, item, formatVersion);
    if (formatVersion < 4 && register === 'indicator' && !Object.hasOwn(item, 'direction')) {
      const { baselineValue, targetValue } = item;
      upgraded.direction =
        typeof targetValue === 'number' && (typeof baselineValue === 'number' || baselineValue === null)
          ? inferredDirection({ baselineValue, targetValue })
          : 'increase';
      upgraded.rangeMin = null;
      upgraded.rangeMax = null;
    }
    return upgraded;
  });
}
