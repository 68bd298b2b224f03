import { describe, expect, it } from 'vitest';
import {
  deleteHandoff,
  findHandoffByDownload,
  getHandoff,
  listHandoffs,
  putHandoff,
  updateHandoff,
} from '@/utils/downloads/store';
import { freshArchiveDbPerTest } from '../../../factories';

const archive = freshArchiveDbPerTest('handoff');

describe('hand-offs', () => {
  it('should keep a Blob until it is deleted', async () => {
    const id = await putHandoff(archive(), { madeBy: 'offscreen', blob: new Blob(['x']), createdAt: 1000 });
    expect(await (await getHandoff(archive(), id))?.blob?.text()).toBe('x');
    const other = await putHandoff(archive(), { madeBy: 'offscreen', blob: new Blob(['y']), createdAt: 2000 });
    await deleteHandoff(archive(), id);
    expect(await getHandoff(archive(), id)).toBeUndefined();
    expect(await getHandoff(archive(), other)).toBeDefined();
  });

  it('should find a hand-off by its download id once that is recorded', async () => {
    const id = await putHandoff(archive(), { madeBy: 'background', url: 'blob:a', createdAt: 0 });
    await putHandoff(archive(), { madeBy: 'background', url: 'blob:b', createdAt: 0, downloadId: 2 });
    expect(await findHandoffByDownload(archive(), 1)).toBeUndefined();
    await updateHandoff(archive(), id, { downloadId: 1 });
    expect(await findHandoffByDownload(archive(), 1)).toMatchObject({ id, url: 'blob:a', downloadId: 1 });
    expect((await listHandoffs(archive())).map((handoff) => handoff.url).sort()).toEqual(['blob:a', 'blob:b']);
  });
});
