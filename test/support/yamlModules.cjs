// Preloaded with `node -r` by test/cli/yamlLibraryLoading.test.ts: on exit, prints how many files of
// the `yaml` library the process loaded on its main thread (nothing else reads YAML).
process.on('exit', () => {
  const loaded = Object.keys(require.cache).filter((path) => /node_modules[\\/]yaml[\\/]/.test(path));
  process.stderr.write(`yaml modules loaded: ${loaded.length}\n`);
});
