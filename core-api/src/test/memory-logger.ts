import { Writable } from 'node:stream';
import { createLogger } from '../platform/log/logger.ts';

/** A logger whose lines are kept, to assert what reaches the log. */
export function memoryLogger() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });

  return { log: createLogger('debug', sink), lines };
}
