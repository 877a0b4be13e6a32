import { parseAllDocuments } from 'yaml';

/** One object of a YAML file and where it is. */
export interface YamlObject {
  /** 0-based YAML document (`---`) and, for a top-level list, item. */
  position: { index: number; item?: number };
  value: unknown;
}

/** The objects of a YAML file, or why it does not read. */
export type YamlObjects =
  | { ok: true; objects: YamlObject[] }
  | { ok: false; index: number; message: string };

/**
 * Reads the objects of a YAML file the way the OpenSLO parser does
 * (documents separated by `---`, or a top-level list of objects).
 */
export function readYamlObjects(text: string): YamlObjects {
  const objects: YamlObject[] = [];
  const documents = parseAllDocuments(text);
  for (const [index, document] of documents.entries()) {
    if (document.errors.length > 0) {
      // The first line says what and where; the rest is a code excerpt.
      const message = document.errors[0].message.split('\n')[0];
      return { ok: false, index, message: `unreadable YAML: ${message}` };
    }
    let value: unknown;
    try {
      // maxAliasCount bounds alias expansion ("billion laughs").
      value = document.toJS({ maxAliasCount: 100 });
    } catch (error) {
      return {
        ok: false,
        index,
        message: `unreadable YAML: ${(error as Error).message}`,
      };
    }
    if (value === null || value === undefined) {
      continue;
    }
    if (Array.isArray(value)) {
      value.forEach((item, itemIndex) =>
        objects.push({ position: { index, item: itemIndex }, value: item }),
      );
    } else {
      objects.push({ position: { index }, value });
    }
  }
  return { ok: true, objects };
}
