/**
 * A one-line progress bar on stderr (redrawn in place on a terminal, one line per step
 * otherwise, so logs of a CI run stay short). Small enough not to need a dependency.
 */
export type StepProgress = { step: string; done: number; total: number; elapsedMs: number };

const WIDTH = 28;

export function createProgressBar(stream: NodeJS.WriteStream = process.stderr) {
  const interactive = stream.isTTY === true;
  let lastStep = "";
  return {
    update({ step, done, total, elapsedMs }: StepProgress) {
      const ratio = total === 0 ? 1 : Math.min(1, done / total);
      const filled = Math.round(ratio * WIDTH);
      const line = `[${"█".repeat(filled)}${"░".repeat(WIDTH - filled)}] ${(ratio * 100).toFixed(0).padStart(3)}% ${step.padEnd(22)} ${done.toLocaleString("en-US")}/${total.toLocaleString("en-US")}  ${(elapsedMs / 1000).toFixed(1)} s`;
      if (interactive) stream.write(`\r${line}\x1b[K`);
      else if (ratio === 1 && step !== lastStep) stream.write(`${line}\n`);
      if (interactive && ratio === 1) stream.write("\n");
      if (ratio === 1) lastStep = step;
    },
  };
}
