import pino, { type Logger } from 'pino';

/** Structured JSON logs (pino). Stack traces go here, never to the user. */
export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: { service: 'spotlight' }, redact: ['req.headers.cookie', 'password'] });
}
export type { Logger };
