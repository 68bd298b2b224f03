import { describe, expect, it } from 'vitest';
import { deleteHandoff, getHandoff, putHandoff } from '@/utils/downloads/store';
import { freshArchiveDbPerTest } from '../../../factories';

const archive = freshArchiveDbPerTest('handoff');

describe('hand-offs', () => {
  it('should keep a Blob until it is deleted', async () => {
    const id = await putHandoff(archive(), new Blob(['x']), 1000);
    expect(await (await getHandoff(archive(), id))?.blob.text()).toBe('x');
    const other = await putHandoff(archive(), new Blob(['y']), 2000);
    await deleteHandoff(archive(), id);
    expect(await getHandoff(archive(), id)).toBeUndefined();
    expect(await getHandoff(archive(), other)).toBeDefined();
  });

  it('should sweep hand-offs left by a worker that was stopped an hour ago', async () => {
    const stale = await putHandoff(archive(), new Blob(['old']), 0);
    await putHandoff(archive(), new Blob(['new']), 60 * 60 * 1000 + 1);
    expect(await getHandoff(archive(), stale)).toBeUndefined();
    expect(await archive().handoffs.count()).toBe(1);
  });
});
