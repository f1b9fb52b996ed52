/**
 * Type tests of the client's logging options, checked by `npm run typecheck`: the loggers people have fit `logger`,
 * and a level or logger that cannot work does not compile. Each `@ts-expect-error` fails the build if the line
 * below compiles.
 */
import type { BaseClientOptions, LogFields, Logger, RequestOptions } from '../../templates/index.js';

/** The console, the default. */
export const toConsole: BaseClientOptions = { logLevel: 'debug', logger: console };

/** A logger shaped as winston's: `(message, ...meta)`, returning the logger. */
interface WinstonLike {
  debug(message: string, ...meta: unknown[]): WinstonLike;
  info(message: string, ...meta: unknown[]): WinstonLike;
  warn(message: string, ...meta: unknown[]): WinstonLike;
  error(message: string, ...meta: unknown[]): WinstonLike;
}
export const toWinston = (winston: WinstonLike): BaseClientOptions => ({ logger: winston });

/** pino takes the fields first: a wrapper puts them there. */
type PinoLike = Record<'debug' | 'info' | 'warn' | 'error', (fields: object, message: string) => void>;
export function toPino(pino: PinoLike): Logger {
  return {
    debug: (message, fields) => pino.debug(fields, message),
    info: (message, fields) => pino.info(fields, message),
    warn: (message, fields) => pino.warn(fields, message),
    error: (message, fields) => pino.error(fields, message),
  };
}

export function fields(line: LogFields): string {
  const status: number | undefined = line.status;
  // @ts-expect-error the fields are read-only
  line.url = '';
  return `${line.operationId} ${line.method} ${line.url} ${line.attempt} ${status} ${line.durationMs} ${line.retryInMs}`;
}

export const perCall: RequestOptions = { logLevel: 'off' };

// @ts-expect-error not a level
export const verbose: BaseClientOptions = { logLevel: 'verbose' };

// @ts-expect-error a logger needs all four methods
export const partial: BaseClientOptions = { logger: { warn: () => {}, error: () => {} } };
