import net from 'node:net';

/** A localhost port nothing listens on (bound once, then closed), for "server unreachable" tests. */
export function closedLocalPort(): Promise<number> {
  return new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, 'localhost', () => {
      const port = (probe.address() as net.AddressInfo).port;
      probe.close(() => resolve(port));
    });
  });
}
