import validateNpmPackageName from 'validate-npm-package-name';

/**
 * Why npm would refuse `name` for a new package (empty when it is fine).
 * npm's own rules, from the library npm uses: lowercase, URL-safe, at most
 * 214 characters, no core module or reserved name.
 */
export function packageNameProblems(name: string): string[] {
  const result = validateNpmPackageName(name);
  if (result.validForNewPackages) return [];
  return [...(result.errors ?? []), ...(result.warnings ?? [])];
}

/**
 * The package name when the config gives none: the spec's title in npm's
 * alphabet (`Qovery API` -> `qovery-api`). A title that yields no valid name
 * (empty, a core module such as `http`) gets `-sdk` appended, or becomes `api-sdk`.
 */
export function defaultPackageName(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 200)
    .replace(/-+$/, '');
  for (const candidate of [slug, `${slug}-sdk`]) {
    if (/^[a-z0-9]/.test(candidate) && packageNameProblems(candidate).length === 0) return candidate;
  }
  return 'api-sdk';
}
