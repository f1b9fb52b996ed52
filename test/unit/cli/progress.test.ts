import { startProgress } from '../../../generator/cli/progress';

describe('progress of a long run', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('says nothing for a run shorter than the delay', () => {
    const lines: string[] = [];
    const progress = startProgress({ label: 'qovery', write: (line) => lines.push(line), delayMs: 1000 });
    progress.stage('loading');
    jest.advanceTimersByTime(999);
    progress.stage('emitting');
    progress.stop();
    jest.advanceTimersByTime(5000);
    expect(lines).toEqual([]);
  });

  it('prints the current stage once the delay has passed, then each new stage', () => {
    const lines: string[] = [];
    const progress = startProgress({ label: 'qovery', write: (line) => lines.push(line), delayMs: 1000 });
    progress.stage('loading');
    progress.stage('modelling');
    jest.advanceTimersByTime(1000);
    progress.stage('modelling');
    progress.stage('formatting');
    progress.stop();
    progress.stage('too late');
    expect(lines).toEqual(['qovery: modelling...', 'qovery: formatting...']);
  });
});
