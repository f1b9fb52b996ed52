// Preloaded with `node -r` by the startup test: on exit, prints how many files of
// the heavy dependencies (ts-morph, prettier) the process loaded.
process.on('exit', () => {
  const heavy = Object.keys(require.cache).filter((path) => /node_modules[\\/](ts-morph|prettier)[\\/]/.test(path));
  process.stderr.write(`heavy modules loaded: ${heavy.length}\n`);
});
