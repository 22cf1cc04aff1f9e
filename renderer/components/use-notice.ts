import { useSyncExternalStore } from 'react';
import { currentNotice, subscribeToNotices, type Notice } from './notices';

export function useNotice(): Notice | null {
  return useSyncExternalStore(subscribeToNotices, currentNotice);
}
