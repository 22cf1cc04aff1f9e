import { useEffect, useState } from 'react';
import type { AppInfoDto } from '../../../shared/api/schemas/cycle';
import type { ApiError } from '../../../shared/result';
import { api } from '../../api/api';
import { isLaunchHash, launchRoute } from '../../routing/routes';
import { replaceRoute } from '../../routing/navigate';

export type Boot = { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'ready'; info: AppInfoDto };

/**
 * Reads who uses this installation and, when the window opened without a screen in its address,
 * lands on the cycle used last (or the only one), before the first screen is drawn.
 */
export function useBoot(): [Boot, (info: AppInfoDto) => void] {
  const [boot, setBoot] = useState<Boot>({ status: 'loading' });

  useEffect(() => {
    let current = true;
    void Promise.all([api('app:info', {}), api('cycle:list', {})]).then(([info, cycles]) => {
      if (!current) return;
      if (!info.ok) {
        setBoot({ status: 'error', error: info.error });
        return;
      }
      if (cycles.ok && isLaunchHash(window.location.hash)) replaceRoute(launchRoute(info.value.lastCycleId, cycles.value));
      setBoot({ status: 'ready', info: info.value });
    });
    return () => {
      current = false;
    };
  }, []);

  return [boot, (info) => setBoot({ status: 'ready', info })];
}
