import os from 'node:os';

/** The machine a run was made on. */
export interface Machine {
  readonly date: string;
  readonly node: string;
  readonly nproc: number;
  readonly cpu: string;
  readonly platform: string;
  /** Load averages (1, 5, 15 min) when the run started: other work on the machine skews figures. */
  readonly loadAtStart: readonly number[];
}

/** Describes this machine now. */
export function machine(): Machine {
  return {
    date: new Date().toString(),
    node: process.version,
    nproc: os.availableParallelism(),
    cpu: os.cpus()[0]?.model ?? 'unknown',
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    loadAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}
