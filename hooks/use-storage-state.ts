import { useEffect, useState } from 'react';
import { ensurePersistentStorage, type StorageState } from '@/utils/db/storage-state';

/** The archive's storage, as the browser reports it once this page opens; undefined until it answers. */
export function useStorageState(): StorageState | undefined {
  const [state, setState] = useState<StorageState>();
  useEffect(() => {
    let active = true;
    // ensurePersistentStorage never rejects.
    void ensurePersistentStorage().then((next) => {
      if (active) setState(next);
    });
    return () => {
      active = false;
    };
  }, []);
  return state;
}
