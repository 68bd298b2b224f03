import { ArchiveDb } from './database';

/** The extension's database. Only extension-origin contexts may import this: never a content script. */
export const db = new ArchiveDb();
