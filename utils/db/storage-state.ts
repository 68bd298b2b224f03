// How safe the archive's storage is: whether the browser may evict it under disk pressure, and how full it is.
// Only extension pages call this (StorageManager is not in every service worker).

/** What the browser says about the extension's storage. */
export interface StorageState {
  /** True when the browser will not evict the archive to free disk space. */
  persisted: boolean;
  /** Bytes used and available to the extension's origin, when the browser says. */
  usage: number | undefined;
  quota: number | undefined;
}

/** The part of `navigator.storage` used here; tests pass their own. */
export type StorageManagerLike = Pick<StorageManager, 'persisted' | 'persist' | 'estimate'>;

/**
 * Asks the browser to keep the archive even when the disk runs low (granted without a prompt to an extension
 * with `unlimitedStorage`), then says how things stand. Never throws: unknown parts are reported as such.
 */
export async function ensurePersistentStorage(
  manager: StorageManagerLike | undefined = globalThis.navigator?.storage,
): Promise<StorageState> {
  if (manager === undefined) return { persisted: false, usage: undefined, quota: undefined };
  let persisted = await manager.persisted().catch(() => false);
  if (!persisted) persisted = await manager.persist().catch(() => false);
  const estimate = await manager.estimate().catch(() => ({}) as StorageEstimate);
  return { persisted, usage: estimate.usage, quota: estimate.quota };
}
