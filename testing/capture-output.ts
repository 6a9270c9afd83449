/**
 * Everything the process writes to stdout and stderr while `work` runs (the logger writes through process.stdout,
 * console through both), so a test can look for what must never be logged. The output still reaches the terminal.
 */
export async function captureOutput<T>(work: () => Promise<T>): Promise<{ result: T; output: string }> {
  let output = "";
  const streams = [process.stdout, process.stderr] as const;
  const originals = streams.map((stream) => stream.write.bind(stream));
  streams.forEach((stream, i) => {
    stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      output += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
      return (originals[i] as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stream.write;
  });
  try {
    return { result: await work(), output };
  } finally {
    streams.forEach((stream, i) => (stream.write = originals[i] as typeof stream.write));
  }
}
