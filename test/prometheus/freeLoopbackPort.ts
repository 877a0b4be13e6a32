import net from 'node:net';

/**
 * A TCP port on 127.0.0.1 that was free a moment ago. Another process can take
 * it before the caller binds it, so callers retry on "address already in use".
 */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
