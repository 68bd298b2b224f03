/** Severity of a log line; `debug` lines are dropped unless debugging is switched on. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** A console logger whose lines all start with `[Lifeboat:<scope>]`, so users and tests can find them. */
export interface Logger {
  debug(message: string, ...details: unknown[]): void;
  info(message: string, ...details: unknown[]): void;
  /** Expected trouble the user may want to know about: bad server answers, rejected input. */
  warn(message: string, ...details: unknown[]): void;
  /** A bug or a failure Lifeboat cannot recover from. */
  error(message: string, ...details: unknown[]): void;
}

/** Prefix shared by every line Lifeboat writes to a console. */
export const LOG_PREFIX = '[Lifeboat';

let debugEnabled = false;

/** Turns `debug` lines on or off for every logger in this context. */
export function setDebugLogging(enabled: boolean): void {
  debugEnabled = enabled;
}

/** Returns a logger for one part of the extension (`background`, `capture`, `popup`, …). */
export function createLogger(scope: string, sink: Pick<Console, LogLevel> = console): Logger {
  const prefix = `${LOG_PREFIX}:${scope}]`;
  return {
    debug: (message, ...details) => {
      if (debugEnabled) sink.debug(`${prefix} ${message}`, ...details);
    },
    info: (message, ...details) => sink.info(`${prefix} ${message}`, ...details),
    warn: (message, ...details) => sink.warn(`${prefix} ${message}`, ...details),
    error: (message, ...details) => sink.error(`${prefix} ${message}`, ...details),
  };
}

/** A readable one-line description of anything thrown. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error);
  } catch {
    return String(error);
  }
}
