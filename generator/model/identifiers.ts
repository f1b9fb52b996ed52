/** Words that cannot name a binding in an ES module or a TypeScript type. */
const reservedWords = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if import in instanceof new null return super switch this throw true try typeof var void while with ' +
    'yield let static implements interface package private protected public await arguments eval ' +
    // Type names TypeScript reserves.
    'any unknown never string number boolean object symbol bigint undefined'
  ).split(' '),
);

/**
 * Globals the generated code itself uses, and names that break module loading
 * (`then` turns a module namespace into a thenable that `await import()` never settles).
 */
const shadowedGlobals = new Set(
  (
    'Array ReadonlyArray Record Partial Required Readonly Pick Omit Exclude Extract NonNullable ReturnType ' +
    'Promise Error TypeError Blob File FormData Headers Response Request URL URLSearchParams AbortSignal ' +
    'Date Object String Number Boolean Symbol JSON Uint8Array ArrayBuffer ReadableStream TextDecoder ' +
    'globalThis then constructor prototype __proto__ hasOwnProperty toString valueOf'
  ).split(' '),
);

/**
 * Members every object inherits: an argument object read as `args.constructor`
 * finds `Object` there when the caller left the argument out.
 */
const inheritedMembers = new Set(
  (
    '__proto__ constructor hasOwnProperty isPrototypeOf propertyIsEnumerable toLocaleString toString valueOf ' +
    '__defineGetter__ __defineSetter__ __lookupGetter__ __lookupSetter__'
  ).split(' '),
);

export function isInheritedMember(name: string): boolean {
  return inheritedMembers.has(name);
}

/**
 * Device names Windows reserves in every folder, whatever the extension
 * (`con.ts` cannot be created there).
 */
const windowsDeviceNames = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/** A name that can be a file name (before `.ts`) on every platform. */
export function isSafeFileName(name: string): boolean {
  return !windowsDeviceNames.test(name);
}

export function isIdentifier(name: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name);
}

/** A name the generated code may declare without shadowing or breaking anything. */
export function isSafeDeclarationName(name: string): boolean {
  return isIdentifier(name) && !reservedWords.has(name) && !shadowedGlobals.has(name);
}

/**
 * Splits `user-profile_v2`, `UserProfile`, `HTTPServer` into words. Accents and
 * compatibility forms fold to ASCII first (`Ünïcode` -> `Unicode`, fullwidth
 * letters to plain ones); other non-ASCII letters are dropped.
 */
export function splitWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word.length > 0);
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** `user-profile` -> `UserProfile`; a name that is already an identifier keeps its spelling. */
export function toTypeName(text: string): string {
  const name = isIdentifier(text) ? capitalize(text) : splitWords(text).map(capitalize).join('');
  return startSafely(name);
}

/** `Create-User` -> `createUser`; an identifier keeps its spelling but for the first letter. */
export function toFunctionName(text: string): string {
  const name = isIdentifier(text)
    ? text.charAt(0).toLowerCase() + text.slice(1)
    : splitWords(text)
        .map((word, index) => (index === 0 ? word.charAt(0).toLowerCase() + word.slice(1) : capitalize(word)))
        .join('');
  return startSafely(name);
}

/** An identifier cannot start with a digit or be empty. */
function startSafely(name: string): string {
  if (name === '') return '_';
  return /^[0-9]/.test(name) ? `_${name}` : name;
}
