import { describe, expect, it } from 'vitest';
import { safeFilename } from '@/utils/shared/safe-filename';

describe('safeFilename', () => {
  it('should keep Hangul and replace characters that file systems refuse', () => {
    expect(safeFilename('영업 레버리지: 계산/방법?', 'x')).toBe('영업 레버리지 계산 방법');
  });

  it('should use the fallback when nothing usable is left', () => {
    expect(safeFilename(' ... ', 'Untitled chat')).toBe('Untitled chat');
  });

  it('should cut long titles by characters, not bytes', () => {
    expect(Array.from(safeFilename('가'.repeat(200), 'x', 80))).toHaveLength(80);
  });
});
