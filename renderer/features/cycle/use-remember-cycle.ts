import { useEffect } from 'react';
import { api } from '../../api/api';

/**
 * Records the open cycle so the next start lands on it. A failure is not worth interrupting
 * anyone for: at worst the next start shows the list of cycles.
 */
export function useRememberCycle(cycleId: string, found: boolean): void {
  useEffect(() => {
    if (found) void api('app:setLastCycle', { cycleId });
  }, [cycleId, found]);
}
