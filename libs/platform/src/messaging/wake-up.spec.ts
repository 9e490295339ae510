import { WakeUp } from './wake-up';

describe('WakeUp', () => {
  it('does not sleep when a commit was notified while the relay was busy', async () => {
    const wakeUp = new WakeUp();
    const since = wakeUp.now;
    wakeUp.notify(); // arrives during the batch
    const started = Date.now();
    await wakeUp.sleep(5_000, since);
    expect(Date.now() - started).toBeLessThan(100);
  });

  it('wakes every sleeping worker on one notification', async () => {
    const wakeUp = new WakeUp();
    const sleeping = [wakeUp.sleep(5_000, wakeUp.now), wakeUp.sleep(5_000, wakeUp.now)];
    wakeUp.notify();
    await expect(Promise.all(sleeping)).resolves.toEqual([undefined, undefined]);
  });

  it('sleeps until the poll interval when nothing is notified', async () => {
    const wakeUp = new WakeUp();
    const started = Date.now();
    await wakeUp.sleep(50, wakeUp.now);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  });
});
