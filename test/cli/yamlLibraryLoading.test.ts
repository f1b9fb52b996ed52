import { join } from 'node:path';
import { writeTempFiles } from '../support/buildFromText';
import { preloadCount, projectRoot, runCli } from '../support/runCli';

const preload = ['-r', join(projectRoot, 'test', 'support', 'yamlModules.cjs')];

describe('the built generator', () => {
  it('reads a sound YAML spec without the yaml library, and a faulty one with it', () => {
    const { folder, cleanup } = writeTempFiles({
      'sound.yaml': 'openapi: 3.0.3\ninfo: { title: T, version: "1" }\npaths: {}\n',
      'faulty.yaml': 'openapi: 3.0.3\ninfo: { title: T, version: "1" }\npaths: {}\nx-list:\n  ? [a, b]\n  : c\n',
    });
    try {
      const sound = runCli(['validate', '-i', 'sound.yaml'], folder, { nodeArgs: preload });
      expect(sound.status).toBe(0);
      // The warning is placed without the yaml library: js-yaml's reading gives the position.
      expect(sound.stdout + sound.stderr).toContain('sound.yaml:2:19 warning SDK4101');
      expect(preloadCount(sound.stderr, 'yaml modules loaded')).toBe(0);
      const generated = runCli(['generate', '-i', 'sound.yaml', '-o', 'out'], folder, { nodeArgs: preload });
      expect(generated.status).toBe(0);
      expect(preloadCount(generated.stderr, 'yaml modules loaded')).toBe(0);
      const faulty = runCli(['validate', '-i', 'faulty.yaml'], folder, { nodeArgs: preload });
      expect(faulty.status).toBe(1);
      expect(faulty.stdout + faulty.stderr).toContain('SDK1008');
      expect(preloadCount(faulty.stderr, 'yaml modules loaded')).toBeGreaterThan(0);
    } finally {
      cleanup();
    }
  });
});
