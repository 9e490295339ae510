import type { Channel, ConsumeMessage } from 'amqplib';
import { AckTracker } from './ack-tracker';

const msg = (tag: number) => ({ fields: { deliveryTag: tag } }) as ConsumeMessage;

function recordingChannel() {
  const acks: string[] = [];
  const ch = { ack: (m: ConsumeMessage, multiple = false) => acks.push(`${m.fields.deliveryTag}${multiple ? '+' : ''}`) } as unknown as Channel;
  return { ch, acks };
}

describe(AckTracker.name, () => {
  it('acks a whole batch with one frame when nothing older is still in progress', () => {
    const { ch, acks } = recordingChannel();
    const tracker = new AckTracker();
    [1, 2, 3].forEach((t) => tracker.received(ch, msg(t)));
    tracker.ackBatch(ch, [msg(1), msg(2), msg(3)]);
    expect(acks).toEqual(['3+']);
  });

  it('never acks past a delivery that another batch is still handling', () => {
    const { ch, acks } = recordingChannel();
    const tracker = new AckTracker();
    [1, 2, 3, 4, 5].forEach((t) => tracker.received(ch, msg(t)));
    tracker.ackBatch(ch, [msg(1), msg(2), msg(4), msg(5)]);
    expect(acks).toEqual(['4', '5', '2+']);
  });

  it('counts a delivery settled on its own (requeued or dead-lettered) as no longer in progress', () => {
    const { ch, acks } = recordingChannel();
    const tracker = new AckTracker();
    [1, 2, 3].forEach((t) => tracker.received(ch, msg(t)));
    tracker.settled(ch, msg(1));
    tracker.ackBatch(ch, [msg(2), msg(3)]);
    expect(acks).toEqual(['3+']);
  });
});
