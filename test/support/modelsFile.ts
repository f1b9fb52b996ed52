/**
 * Reading the generated `models.ts`, which holds every model: the names it
 * declares, and one model's declaration with its JSDoc.
 */

/** The models `models.ts` declares (interfaces and type aliases, not the lists of enum values), in file order. */
export function declaredModels(text: string): string[] {
  return [...text.matchAll(/^export (?:interface|type) (\w+)/gm)].map((match) => match[1]!);
}

/** The declaration of `name` in `models.ts` with its JSDoc: declarations are separated by a blank line. */
export function modelDeclaration(text: string, name: string): string {
  const block = text
    .split('\n\n')
    .find((part) => new RegExp(`^export (?:interface|type|const) ${name}\\b`, 'm').test(part));
  if (block === undefined) throw new Error(`models.ts declares no ${name}`);
  return block;
}
