import { join } from 'node:path';
import { parseMessagesFile } from '@wxt-dev/i18n/build';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  accountKindLabel,
  accountLabel,
  branchesLabel,
  captureNoticeHint,
  chatGptUrl,
  chatsSavedLabel,
  displayTitle,
  downloadDoneText,
  downloadInterruptedText,
  hasAccountName,
  isUntitled,
  messagesLabel,
  splitDownloadPath,
} from '@/utils/conversations/labels';

beforeEach(() => {
  fakeBrowser.reset();
  // Each message reads as its key and substitutions, so a test sees which message was chosen.
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((name: string, substitutions?: string | string[]) =>
    substitutions === undefined ? name : `${name}(${[substitutions].flat().join(',')})`,
  );
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
});

describe('displayTitle', () => {
  it("should keep ChatGPT's title", () => {
    expect(displayTitle({ title: 'Trip to Busan' })).toBe('Trip to Busan');
  });

  it.each(['', '   '])('should call a chat titled %j "Untitled chat"', (title) => {
    expect(displayTitle({ title })).toBe('common_untitled');
  });
});

describe('accountLabel', () => {
  it("should be the account's name when Lifeboat knows it", () => {
    expect(accountLabel({ label: 'Acme Corp', kind: 'workspace' })).toBe('Acme Corp');
  });

  it.each([
    ['personal', '', 'common_accountPersonal'],
    ['workspace', '', 'common_accountWorkspace'],
    ['workspace', '  ', 'common_accountWorkspace'],
  ] as const)('should fall back to the %s kind for an unknown name (%j)', (kind, label, expected) => {
    expect(accountLabel({ label, kind })).toBe(expected);
    expect(hasAccountName({ label })).toBe(false);
  });
});

describe('accountKindLabel', () => {
  it.each([
    ['personal', 'common_accountPersonal'],
    ['workspace', 'common_accountWorkspace'],
  ] as const)('should name a %s account', (kind, expected) => {
    expect(accountKindLabel({ kind })).toBe(expected);
  });
});

describe('counted labels', () => {
  it('should pass the count, formatted in the UI language, to the plural message', () => {
    expect(chatsSavedLabel(1234)).toBe('common_chatsSaved(1,234)');
    expect(messagesLabel(1)).toBe('common_messages(1)');
    expect(branchesLabel(3)).toBe('common_branches(3)');
  });
});

describe('chatGptUrl', () => {
  it('should link to the chat on chatgpt.com', () => {
    expect(chatGptUrl('abc-123')).toBe('https://chatgpt.com/c/abc-123');
    expect(chatGptUrl('a/b')).toBe('https://chatgpt.com/c/a%2Fb');
  });
});

describe('isUntitled', () => {
  it.each([
    ['', true],
    ['  ', true],
    ['Trip to Busan', false],
  ])('should call %j untitled: %s', (title, expected) => {
    expect(isUntitled({ title })).toBe(expected);
  });
});

describe('splitDownloadPath', () => {
  it.each([
    ['Lifeboat/Garden plan (abc12345).json', 'Lifeboat', 'Garden plan (abc12345).json'],
    ['Lifeboat\\Garden plan.json', 'Lifeboat', 'Garden plan.json'],
    ['a/b/c.json', 'a/b', 'c.json'],
    ['c.json', undefined, 'c.json'],
  ])('should split %j into folder %j and name %j', (path, folder, name) => {
    expect(splitDownloadPath(path)).toEqual({ folder, name });
  });
});

describe('downloadDoneText', () => {
  it('should name the file alone and say which folder inside Downloads holds it', () => {
    expect(downloadDoneText('Lifeboat/Garden plan (abc12345).json')).toEqual({
      message: 'common_downloadDone(Garden plan (abc12345).json)',
      detail: 'common_downloadDoneDetail(Lifeboat)',
    });
  });

  it('should say Downloads itself for a file saved there directly', () => {
    expect(downloadDoneText('plan.json').detail).toBe('common_downloadDoneDetailNoFolder');
  });

  it.each([
    ['/home/me/Downloads/Lifeboat/Garden plan (abc12345) (1).json'],
    ['C:\\Users\\me\\Downloads\\Lifeboat\\Garden plan (abc12345) (1).json'],
  ])('should name the file the browser really saved, after it added " (1)": %s', (saved) => {
    expect(downloadDoneText('Lifeboat/Garden plan (abc12345).json', saved)).toEqual({
      message: 'common_downloadDone(Garden plan (abc12345) (1).json)',
      detail: 'common_downloadDoneDetail(Lifeboat)',
    });
  });

  it('should fall back to the requested name when the browser reports none', () => {
    expect(downloadDoneText('Lifeboat/plan.json', '').message).toBe('common_downloadDone(plan.json)');
  });
});

describe('downloadInterruptedText', () => {
  it('should treat a download the user cancelled as news, not as an error', () => {
    expect(downloadInterruptedText('USER_CANCELED')).toEqual({
      cancelled: true,
      message: 'common_downloadCancelled',
      detail: 'common_downloadCancelledDetail',
    });
  });

  it.each([
    ['FILE_NO_SPACE', 'errors_downloadDiskFull'],
    ['FILE_ACCESS_DENIED', 'errors_downloadFile'],
    ['FILE_NAME_TOO_LONG', 'errors_downloadFile'],
    ['USER_SHUTDOWN', 'errors_downloadStopped'],
    ['CRASH', 'errors_downloadStopped'],
  ])('should explain %s and keep the reason as the technical line', (reason, detail) => {
    expect(downloadInterruptedText(reason)).toEqual({
      cancelled: false,
      message: 'common_downloadFailed',
      detail,
      technical: `Download interrupted: ${reason}`,
    });
  });
});

describe('captureNoticeHint', () => {
  it("should quote the notice's own message", () => {
    expect(captureNoticeHint()).toBe('settings_showCaptureNoticeHint(captureNoticeSaved(…))');
  });

  // The hint used to quote its own wording ("Lifeboat에 저장됨") while the notice said "Lifeboat에 저장했어요".
  it.each(['en', 'ko'])('should read, in %s, with the words the notice on chatgpt.com uses', async (language) => {
    const messages = await parseMessagesFile(join(import.meta.dirname, '../../../../locales', `${language}.yml`));
    const text = (key: string) => {
      const message = messages.find((candidate) => candidate.key.join('.') === key);
      if (message?.type !== 'simple') throw new Error(`${key} is not a simple message in ${language}.yml`);
      return message.message;
    };
    const hint = text('settings.showCaptureNoticeHint');
    // The notice's words come in through $1 only, never copied by hand into the hint.
    expect(hint.match(/\$1/g)).toHaveLength(1);
    expect(hint).not.toContain('Lifeboat');
    expect(text('captureNoticeSaved')).toContain('$1');
  });
});
