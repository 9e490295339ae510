import type { Writable } from 'node:stream';

/**
 * Makes every frame amqplib writes in one turn of the event loop leave in a single `writev`.
 *
 * amqplib's multiplexer writes each frame to the socket on its own, and with Nagle off (which
 * confirms and acks need, see AmqpConnection) each write is a syscall and a TCP packet: a relay
 * batch of 500 events was 500 writes, and the broker had to read 500 packets. Corking the socket
 * at the turn's first write and uncorking on the next tick sends them together and adds no timer
 * delay (the same fix as toa-io/comq#285, measured there at ~40 % less CPU per message).
 */
export function coalesceWrites(socket: Writable): void {
  const write = socket.write.bind(socket) as Writable['write'];
  let corked = false;
  const uncork = () => {
    corked = false;
    socket.uncork();
  };
  socket.write = ((...args: Parameters<Writable['write']>) => {
    if (!corked) {
      corked = true;
      socket.cork();
      process.nextTick(uncork);
    }
    return write(...args);
  }) as Writable['write'];
}
