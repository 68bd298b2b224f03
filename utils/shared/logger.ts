/** Severity of a log line; `debug` lines are dropped unless debugging is switched on. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** A console logger whose lines all start with `[Lifeboat:<scope>]`, so users and tests can find them. */
export interface Logger {
  /** Developer detail; printed only in development builds. */
  debug(message: string, ...details: unknown[]): void;
  /** Something worth knowing that went as planned. */
  info(message: string, ...details: unknown[]): void;
  /** Expected trouble the user may want to know about: bad server answers, rejected input. */
  warn(message: string, ...details: unknown[]): void;
  /** A bug or a failure Lifeboat cannot recover from. */
  error(message: string, ...details: unknown[]): void;
}

// Debug lines are for developers: on in `npm run dev` builds, off for users.
const DEBUG = import.meta.env?.DEV === true;

/** Returns a logger for one part of the extension (`background`, `capture`, `popup`, …). */
export function createLogger(scope: string, sink: Pick<Console, LogLevel> = console): Logger {
  const prefix = `[Lifeboat:${scope}]`;
  return {
    debug: (message, ...details) => {
      if (DEBUG) sink.debug(`${prefix} ${message}`, ...details);
    },
    info: (message, ...details) => sink.info(`${prefix} ${message}`, ...details),
    warn: (message, ...details) => sink.warn(`${prefix} ${message}`, ...details),
    error: (message, ...details) => sink.error(`${prefix} ${message}`, ...details),
  };
}
