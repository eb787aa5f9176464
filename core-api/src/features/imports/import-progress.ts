/** Where a running batch is: its phase, and how far through it. */
export type Progress = { phase: string; done: number; total: number };

/** Updates a running batch's progress. */
export type ProgressHandle = {
  phase(name: string, total: number): void;
  advance(done: number): void;
};

/**
 * Progress of the batches this process is reading or committing. A commit
 * runs inside one transaction that no other reader sees until it ends, so
 * its progress cannot live in the batch row: it lives here, read by the
 * batch's status route. With several API instances, only the one running a
 * batch knows its progress; the others report the batch's phase alone.
 */
class ProgressRegistry {
  private readonly running = new Map<number, Progress>();

  start(batchId: number, phase: string, total: number): ProgressHandle {
    const progress: Progress = { phase, done: 0, total };
    this.running.set(batchId, progress);

    return {
      phase: (name, size) => {
        progress.phase = name;
        progress.done = 0;
        progress.total = size;
      },
      advance: (done) => {
        progress.done = done;
        // An estimate can fall short of the rows really read.
        if (progress.total > 0 && done > progress.total) progress.total = done;
      },
    };
  }

  end(batchId: number): void {
    this.running.delete(batchId);
  }

  of(batchId: number): Progress | undefined {
    const progress = this.running.get(batchId);

    return progress ? { ...progress } : undefined;
  }
}

export const importProgress = new ProgressRegistry();
