// semver's functions one by one: its index loads every range and comparator too, on the path to the first byte.
import coerce from 'semver/functions/coerce';
import parse from 'semver/functions/parse';

export interface PackageVersion {
  /** A semantic version npm accepts. */
  readonly version: string;
  /** Set when the spec's `info.version` was not one and had to be turned into one. */
  readonly coercedFrom?: string;
}

/**
 * The package's version from the spec's `info.version`. OpenAPI allows any
 * string there (`2023-10-01`, `v2`, `beta`); npm needs SemVer 2.0.0, so
 * anything else is coerced (`2023-10-01` -> `2023.0.0`, `beta` -> `0.0.0`).
 */
export function packageVersion(specVersion: string): PackageVersion {
  const parsed = parse(specVersion);
  // `parse` also takes `v1.2.3` and ` 1.2.3`: only the exact SemVer spelling (build metadata included) is kept as is.
  const exact = parsed && [parsed.version, ...(parsed.build.length > 0 ? [parsed.build.join('.')] : [])].join('+');
  if (exact === specVersion) return { version: specVersion };
  const version = parsed?.version ?? coerce(specVersion)?.version ?? '0.0.0';
  return { version, coercedFrom: specVersion };
}
