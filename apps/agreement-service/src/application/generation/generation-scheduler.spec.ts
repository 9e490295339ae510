import type { UnitOfWork } from '@assistenza/platform/persistence';
import type { GenerationRunRepository } from '../ports/generation-run.repository';
import { GenerationScheduler } from './generation-scheduler';
import type { GenerationRuns } from './generation-runs.service';

describe(GenerationScheduler.name, () => {
  it('is off by default: without a slot length a tick touches nothing and no timer starts', async () => {
    const runs = { lockScheduleSlot: jest.fn(), insertScheduled: jest.fn() } as unknown as GenerationRunRepository;
    const uow = { transaction: jest.fn() } as unknown as UnitOfWork;
    const scheduler = new GenerationScheduler(runs, uow, {} as GenerationRuns, { everyMinutes: 0, horizonDays: 30 });
    const setInterval = jest.spyOn(global, 'setInterval');
    scheduler.onApplicationBootstrap();
    expect(await scheduler.tick(new Date('2012-04-02T10:00:00Z'))).toEqual([]);
    expect(setInterval).not.toHaveBeenCalled();
    expect(uow.transaction).not.toHaveBeenCalled();
    setInterval.mockRestore();
  });
});
