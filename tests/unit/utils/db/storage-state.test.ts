import { describe, expect, it, vi } from 'vitest';
import { ensurePersistentStorage, type StorageManagerLike } from '@/utils/db/storage-state';

function manager(overrides: Partial<StorageManagerLike> = {}): StorageManagerLike {
  return {
    persisted: vi.fn(async () => false),
    persist: vi.fn(async () => true),
    estimate: vi.fn(async () => ({ usage: 5_000_000, quota: 80_000_000_000 })),
    ...overrides,
  };
}

describe('ensurePersistentStorage', () => {
  it('should ask for persistence when the archive is not yet persistent, and report the space', async () => {
    const storage = manager();
    await expect(ensurePersistentStorage(storage)).resolves.toEqual({
      persisted: true,
      usage: 5_000_000,
      quota: 80_000_000_000,
    });
    expect(storage.persist).toHaveBeenCalledTimes(1);
  });

  it('should not ask again when the browser already keeps the archive', async () => {
    const storage = manager({ persisted: vi.fn(async () => true) });
    await expect(ensurePersistentStorage(storage)).resolves.toMatchObject({ persisted: true });
    expect(storage.persist).not.toHaveBeenCalled();
  });

  it('should say what it does not know rather than throw', async () => {
    const failing = manager({
      persisted: vi.fn(async () => Promise.reject(new Error('no'))),
      persist: vi.fn(async () => Promise.reject(new Error('no'))),
      estimate: vi.fn(async () => Promise.reject(new Error('no'))),
    });
    await expect(ensurePersistentStorage(failing)).resolves.toEqual({
      persisted: false,
      usage: undefined,
      quota: undefined,
    });
    await expect(ensurePersistentStorage(undefined)).resolves.toEqual({
      persisted: false,
      usage: undefined,
      quota: undefined,
    });
  });
});
