import { expect } from 'chai';
import { memoryLogger } from '../../test/memory-logger.ts';

describe('logger', () => {
  it('writes JSON lines with the service name', () => {
    const { log, lines } = memoryLogger();
    log.info({ batchId: 12, rows: 40 }, 'import.batch.committed');

    const line = JSON.parse(lines[0] as string);
    expect(line).to.include({
      msg: 'import.batch.committed',
      batchId: 12,
      rows: 40,
      service: 'relais',
    });
  });

  it('never lets a secret or personal data reach the output', () => {
    const { log, lines } = memoryLogger();
    log.info(
      {
        password: 'hunter2-secret',
        token: 'tok-secret',
        req: {
          headers: { authorization: 'Bearer abc-secret', cookie: 'sid=secret' },
        },
        contact: {
          email: 'jeanne@example.org',
          lastName: 'Secretname',
          phone: '0612345678',
        },
      },
      'sample',
    );

    const output = lines.join('');
    for (const secret of [
      'hunter2',
      'tok-secret',
      'abc-secret',
      'sid=secret',
      'jeanne@',
      'Secretname',
      '0612345678',
    ]) {
      expect(output).not.to.include(secret);
    }
  });
});
