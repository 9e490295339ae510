import type { Writable } from 'node:stream';
import * as amqp from 'amqplib';
import type { Logger } from 'pino';
import { coalesceWrites } from './coalesce-writes';

export type ConnectionSetup = (model: amqp.ChannelModel) => Promise<void>;

/**
 * One broker connection per process, on amqplib's own recovery: after the broker restarts or the
 * socket drops it reconnects with backoff and runs every registered setup again (publisher channel,
 * topology, consumers), so nothing has to be restarted by hand.
 */
export class AmqpConnection {
  private recovering?: amqp.RecoveringChannelModel;
  private model?: amqp.ChannelModel;
  private readonly setups: ConnectionSetup[] = [];

  constructor(
    private readonly url: string,
    private readonly name: string,
    private readonly logger: Logger,
  ) {}

  get isConnected(): boolean {
    return this.model !== undefined;
  }

  get current(): amqp.ChannelModel | undefined {
    return this.model;
  }

  /** Registers work to redo after every (re)connect; runs it now if already connected. */
  async onConnect(setup: ConnectionSetup): Promise<void> {
    this.setups.push(setup);
    if (this.model) await setup(this.model);
  }

  /** Starts connecting; waits up to `waitMs` for the first connection, then goes on retrying in the background. */
  async start(waitMs = 15_000): Promise<void> {
    this.recovering = await amqp.connect(this.url, {
      clientProperties: { connection_name: this.name },
      // amqplib leaves Nagle's algorithm on; with the broker's delayed ACKs that adds ~40 ms to
      // small frames such as publisher confirms and consumer acks.
      noDelay: true,
      recovery: {
        initialDelay: 200,
        maxDelay: 5_000,
        waitForConnect: false,
        setup: async (model: amqp.ChannelModel) => {
          coalesceWrites(socketOf(model));
          model.on('error', (err: Error) => this.logger.warn({ err }, 'broker connection error'));
          for (const setup of this.setups) await setup(model);
          this.model = model;
        },
      },
    });
    this.recovering.on('connect', () => this.logger.info('broker connected'));
    this.recovering.on('disconnect', (err: Error) => {
      this.model = undefined;
      this.logger.warn({ err: err?.message }, 'broker disconnected; reconnecting');
    });
    this.recovering.on('error', (err: Error) => this.logger.warn({ err }, 'broker error'));
    const connected = this.recovering.waitForConnect().then(() => true);
    const timedOut = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), waitMs).unref());
    if (!(await Promise.race([connected, timedOut]))) this.logger.warn('broker not reachable yet; still trying');
    connected.catch((err) => this.logger.error({ err }, 'broker connection gave up'));
  }

  async close(): Promise<void> {
    this.model = undefined;
    await this.recovering?.close().catch(() => undefined);
  }
}

/** The socket amqplib writes frames to (ChannelModel.connection.stream, not in its typings). */
function socketOf(model: amqp.ChannelModel): Writable {
  return (model as unknown as { connection: { stream: Writable } }).connection.stream;
}
