/** Where a running batch is: its phase, and how far through it. */
export type Progress = { phase: string; done: number; total: number };

/** Told of each change of a batch's progress; `phase` when its phase began. */
export type ProgressWatcher = (
  batchId: number,
  progress: Readonly<Progress>,
  phase: boolean,
) => void;

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
  private watcher: ProgressWatcher | null = null;

  /**
   * Hears every change, as it is made: an import's own thread passes its
   * progress on to the thread that serves the status route. A watcher that
   * throws stops the import where it reported its progress.
   */
  watch(watcher: ProgressWatcher | null): void {
    this.watcher = watcher;
  }

  start(batchId: number, phase: string, total: number): ProgressHandle {
    const progress: Progress = { phase, done: 0, total };
    this.running.set(batchId, progress);
    this.watcher?.(batchId, progress, true);

    return {
      phase: (name, size) => {
        progress.phase = name;
        progress.done = 0;
        progress.total = size;
        this.watcher?.(batchId, progress, true);
      },
      advance: (done) => {
        progress.done = done;
        // An estimate can fall short of the rows really read.
        if (progress.total > 0 && done > progress.total) progress.total = done;
        this.watcher?.(batchId, progress, false);
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
