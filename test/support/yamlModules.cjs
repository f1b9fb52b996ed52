// Preloaded with `node -r` by the check worker test: on exit, prints how many files of
// the `yaml` library the main thread loaded (a worker thread's modules are not counted).
process.on('exit', () => {
  const loaded = Object.keys(require.cache).filter((path) => /node_modules[\\/]yaml[\\/]/.test(path));
  process.stderr.write(`yaml modules on the main thread: ${loaded.length}\n`);
});
