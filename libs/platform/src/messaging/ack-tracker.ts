import type { Channel, ConsumeMessage } from 'amqplib';

/**
 * Acks a batch with as few frames as is safe. One `ack(multiple)` settles every delivery up to its
 * tag, so it is used only below the oldest delivery still in progress (other batches handle
 * deliveries concurrently); the rest of the batch is acked one by one. Delivery tags are per
 * channel (RabbitMQ docs, "Consumer Acknowledgements"), so is the bookkeeping.
 */
export class AckTracker {
  private readonly open = new WeakMap<Channel, Set<number>>();

  received(ch: Channel, msg: ConsumeMessage): void {
    this.tagsOf(ch).add(msg.fields.deliveryTag);
  }

  /** Called just before a delivery is settled on its own (nack, dead letter). */
  settled(ch: Channel, msg: ConsumeMessage): void {
    this.tagsOf(ch).delete(msg.fields.deliveryTag);
  }

  ackBatch(ch: Channel, msgs: ConsumeMessage[]): void {
    const open = this.tagsOf(ch);
    for (const m of msgs) open.delete(m.fields.deliveryTag);
    let oldestOpen = Infinity;
    for (const tag of open) if (tag < oldestOpen) oldestOpen = tag;
    let cumulative: ConsumeMessage | undefined;
    for (const m of msgs) {
      if (m.fields.deliveryTag > oldestOpen) ch.ack(m);
      else if (!cumulative || m.fields.deliveryTag > cumulative.fields.deliveryTag) cumulative = m;
    }
    if (cumulative) ch.ack(cumulative, true);
  }

  private tagsOf(ch: Channel): Set<number> {
    let tags = this.open.get(ch);
    if (!tags) {
      tags = new Set();
      this.open.set(ch, tags);
    }
    return tags;
  }
}
