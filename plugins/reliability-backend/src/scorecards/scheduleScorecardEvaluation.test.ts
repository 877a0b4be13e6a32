import { mockServices } from '@backstage/backend-test-utils';
import { scheduleScorecardEvaluation } from './scheduleScorecardEvaluation';

describe('scheduleScorecardEvaluation', () => {
  async function scheduled(run: () => Promise<void>) {
    const scheduler = mockServices.scheduler.mock();
    const logger = mockServices.logger.mock();
    const afterRun = jest.fn(async () => {});
    await scheduleScorecardEvaluation({
      scheduler,
      evaluator: { run: jest.fn(run) as any },
      logger,
      schedule: { frequency: { minutes: 10 }, timeout: { minutes: 10 } },
      afterRun,
    });
    const task = scheduler.scheduleTask.mock.calls[0][0];
    return { task, afterRun, logger };
  }

  it('runs drift detection after each completed evaluation', async () => {
    const { task, afterRun } = await scheduled(async () => {});
    await task.fn(new AbortController().signal);
    expect(afterRun).toHaveBeenCalledTimes(1);
  });

  it('skips it when the evaluation failed, and logs a failure of its own', async () => {
    const failed = await scheduled(async () => {
      throw new Error('catalog down');
    });
    await failed.task.fn(new AbortController().signal);
    expect(failed.afterRun).not.toHaveBeenCalled();

    const ok = await scheduled(async () => {});
    ok.afterRun.mockRejectedValueOnce(new Error('database gone'));
    await ok.task.fn(new AbortController().signal);
    expect(ok.logger.error).toHaveBeenCalledWith(
      expect.stringContaining('review drift detection failed'),
    );
  });
});
