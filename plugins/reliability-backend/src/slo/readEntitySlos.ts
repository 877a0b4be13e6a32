import type { UrlReaderService } from '@backstage/backend-plugin-api';
import { type Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ANNOTATION_OPENSLO,
  type SloProblem,
} from '@preflight/plugin-reliability-common';
import {
  MAX_OPENSLO_FILE_CHARACTERS,
  readSloText,
  type SloDefinition,
} from '@preflight/plugin-reliability-node';
import fs from 'node:fs/promises';
import path from 'node:path';
import { errorMessage } from '../lib/errorMessage';

const ANNOTATION_LOCATION = 'backstage.io/managed-by-location';
const ANNOTATION_ORIGIN_LOCATION = 'backstage.io/managed-by-origin-location';
const ANNOTATION_FIELD = `metadata.annotations["${ANNOTATION_OPENSLO}"]`;
// A few files per entity are normal; a long list is a mistake, not a fleet.
const MAX_FILES_PER_ENTITY = 20;

/** How to read one entity's OpenSLO files. */
export interface ReadEntitySlosOptions {
  urlReader: UrlReaderService;
  /** Aborted when the sync's deadline passes. */
  signal: AbortSignal;
  /** Longest SLO window accepted, in seconds; default 90 days. */
  maxWindowSeconds?: number;
}

/** An entity's SLO definitions and the problems of its files. */
export interface EntitySlos {
  entityRef: string;
  definitions: SloDefinition[];
  problems: SloProblem[];
}

type Target =
  | { kind: 'file'; directory: string }
  | { kind: 'url'; directory: URL };

// `url:https://host/repo/blob/main/catalog-info.yaml` → the file's folder.
function locationTarget(entity: Entity): Target | string {
  const annotations = entity.metadata.annotations ?? {};
  const location =
    annotations[ANNOTATION_LOCATION] ?? annotations[ANNOTATION_ORIGIN_LOCATION];
  if (!location) {
    return `the entity has no ${ANNOTATION_LOCATION} annotation, so paths cannot be resolved relative to its catalog file`;
  }
  const separator = location.indexOf(':');
  const type = location.slice(0, separator);
  const target = location.slice(separator + 1);
  if (type === 'file' && path.isAbsolute(target)) {
    return { kind: 'file', directory: path.dirname(target) };
  }
  if (type === 'url') {
    try {
      return { kind: 'url', directory: new URL('.', target) };
    } catch {
      return `its location "${location}" is not a valid URL`;
    }
  }
  return `its location "${location}" is neither a file: nor a url: location`;
}

function isInside(directory: string, file: string): boolean {
  const relative = path.relative(directory, file);
  return (
    relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)
  );
}

async function readFileInside(
  directory: string,
  relative: string,
): Promise<string> {
  const resolved = path.resolve(directory, relative);
  if (!isInside(directory, resolved)) {
    throw new Error('it resolves outside the folder of the catalog file');
  }
  let realDirectory: string;
  let realFile: string;
  try {
    [realDirectory, realFile] = await Promise.all([
      fs.realpath(directory),
      fs.realpath(resolved),
    ]);
  } catch (error) {
    // The raw error carries the server's absolute path; say it plainly.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error('the file does not exist');
    }
    throw new Error('the file cannot be opened');
  }
  // A symlink could point anywhere: check the real path too.
  if (!isInside(realDirectory, realFile)) {
    throw new Error('it resolves outside the folder of the catalog file');
  }
  const stat = await fs.stat(realFile);
  if (stat.size > MAX_OPENSLO_FILE_CHARACTERS * 4) {
    throw new Error(
      `it is larger than ${MAX_OPENSLO_FILE_CHARACTERS} characters`,
    );
  }
  return fs.readFile(realFile, 'utf8');
}

async function readUrlInside(
  directory: URL,
  relative: string,
  options: ReadEntitySlosOptions,
): Promise<string> {
  const resolved = new URL(relative, directory);
  if (
    resolved.origin !== directory.origin ||
    !resolved.pathname.startsWith(directory.pathname)
  ) {
    throw new Error('it resolves outside the folder of the catalog file');
  }
  const response = await options.urlReader.readUrl(resolved.toString(), {
    signal: options.signal,
  });
  return (await response.buffer()).toString('utf8');
}

/** Splits the annotation value: comma-separated, blanks ignored. */
export function openSloFilesOf(entity: Entity): string[] {
  const value = entity.metadata.annotations?.[ANNOTATION_OPENSLO] ?? '';
  return value
    .split(',')
    .map(file => file.trim())
    .filter(file => file !== '');
}

/**
 * Reads and parses the SLO files (OpenSLO, Sloth or Pyrra) an entity lists in
 * `preflight.dev/openslo`, relative to the entity's own catalog file (its
 * `backstage.io/managed-by-location`): `file:` locations from the file
 * system, `url:` locations through the URL reader. A path that leaves the
 * catalog file's folder is refused. Never throws for a bad file: every
 * problem names the entity, the file, the SLO (when known) and the field.
 */
export async function readEntitySlos(
  entity: Entity,
  options: ReadEntitySlosOptions,
): Promise<EntitySlos> {
  const entityRef = stringifyEntityRef(entity);
  const files = openSloFilesOf(entity);
  const definitions: SloDefinition[] = [];
  const problems: SloProblem[] = [];
  const fileProblem = (file: string, message: string, fix: string) =>
    problems.push({ entityRef, file, field: ANNOTATION_FIELD, message, fix });

  if (files.length === 0) {
    fileProblem(
      '',
      `${entityRef}: the ${ANNOTATION_OPENSLO} annotation lists no files`,
      'List OpenSLO files relative to the catalog file, separated by commas.',
    );
    return { entityRef, definitions, problems };
  }
  if (files.length > MAX_FILES_PER_ENTITY) {
    fileProblem(
      files[MAX_FILES_PER_ENTITY],
      `${entityRef}: the ${ANNOTATION_OPENSLO} annotation lists ${files.length} files; only the first ${MAX_FILES_PER_ENTITY} are read`,
      'Put several SLOs in one file, separated by ---.',
    );
  }
  const target = locationTarget(entity);
  const seenIds = new Set<string>();
  for (const file of files.slice(0, MAX_FILES_PER_ENTITY)) {
    if (typeof target === 'string') {
      fileProblem(
        file,
        `${entityRef}: cannot read ${file}: ${target}`,
        'Register the entity from a catalog file (file: or url: location).',
      );
      continue;
    }
    let text: string;
    try {
      text =
        target.kind === 'file'
          ? await readFileInside(target.directory, file)
          : await readUrlInside(target.directory, file, options);
    } catch (error) {
      if (options.signal.aborted) {
        throw error;
      }
      fileProblem(
        file,
        `${entityRef}: cannot read OpenSLO file ${file}: ${errorMessage(
          error,
        )}`,
        'Give a path to an existing file next to or below the catalog file.',
      );
      continue;
    }
    // Sloth and Pyrra files are read as they are; Pyrra names no service,
    // so its SLOs belong to the entity that points at them.
    const parsed = readSloText(
      text,
      {
        entityRef,
        file,
        ...(options.maxWindowSeconds
          ? { maxWindowSeconds: options.maxWindowSeconds }
          : {}),
      },
      { defaultService: entity.metadata.name },
    );
    problems.push(...parsed.problems);
    for (const definition of parsed.definitions) {
      // Ids must be unique per entity, across its files too.
      if (seenIds.has(definition.id)) {
        problems.push({
          entityRef,
          file,
          sloName: definition.name,
          field: 'metadata.name',
          message: `${entityRef}: SLO "${definition.id}" in ${file} is also declared in another file; only the first is used`,
          fix: 'Give every SLO of an entity a unique metadata.name.',
        });
        continue;
      }
      seenIds.add(definition.id);
      definitions.push(definition);
    }
  }
  return { entityRef, definitions, problems };
}
