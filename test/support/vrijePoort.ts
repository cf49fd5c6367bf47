import { createServer } from 'node:net';

/** A free TCP port on 127.0.0.1, so parallel test files never collide. */
export function findVrijePoort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const adres = server.address();
      server.close(() => (typeof adres === 'object' && adres ? resolve(adres.port) : reject(new Error('no port'))));
    });
  });
}
