// semver's functions one by one: its index loads every range and comparator too, on the path to the first byte.
import coerce from 'semver/functions/coerce';
import parse from 'semver/functions/parse';
import valid from 'semver/functions/valid';

export interface PackageVersion {
  /** A semantic version npm accepts. */
  readonly version: string;
  /** Set when the spec's `info.version` was not one and had to be turned into one. */
  readonly coercedFrom?: string;
}

/**
 * The package's version from the spec's `info.version`. OpenAPI allows any
 * string there (`2023-10-01`, `v2`, `beta`); npm needs SemVer 2.0.0, so
 * anything else is coerced (`2023-10-01` -> `2023.10.1`, `v1beta2` -> `1.0.0-beta2`, `beta` -> `0.0.0`).
 */
export function packageVersion(specVersion: string): PackageVersion {
  const parsed = parse(specVersion);
  // `parse` also takes `v1.2.3` and ` 1.2.3`: only the exact SemVer spelling (build metadata included) is kept as is.
  const exact = parsed && [parsed.version, ...(parsed.build.length > 0 ? [parsed.build.join('.')] : [])].join('+');
  if (exact === specVersion) return { version: specVersion };
  const version = parsed?.version ?? spelledVersion(specVersion) ?? coerce(specVersion)?.version ?? '0.0.0';
  return { version, coercedFrom: specVersion };
}

/**
 * The SemVer a dated or labelled version spells, keeping what tells two releases apart: the month and day of a date
 * (each release of the API a greater version, where `coerce` gives `2023.0.0` all year) and a prerelease label
 * (`preview`, `beta2`, where the bare number would read as the final release).
 */
function spelledVersion(specVersion: string): string | undefined {
  const date = /^[vV]?(\d{4})-(\d{2})-(\d{2})(.*)$/.exec(specVersion);
  const numbered = /^[vV]?(\d+)(?:\.(\d+))?(?:\.(\d+))?(.*)$/.exec(specVersion);
  const match = date ?? numbered;
  if (!match) return undefined;
  const [, major, minor = '0', patch = '0', rest = ''] = match;
  const core = [major, minor, patch].map((part) => String(Number(part))).join('.');
  const label = prereleaseLabel(rest);
  if (label !== undefined) return valid(`${core}-${label}`) ?? core;
  // A date keeps its day whatever follows it; a number followed by anything else is left to `coerce`.
  return date || rest === '' ? core : undefined;
}

/** `beta2` of `v1beta2`, `preview` of `2023-10-01-preview`: a label that marks a version as not yet final. */
function prereleaseLabel(rest: string): string | undefined {
  return /^[-_. ]?((?:alpha|beta|preview|privatepreview|rc|pre|dev|canary|experimental)[0-9A-Za-z.-]*)$/i.exec(
    rest,
  )?.[1];
}
