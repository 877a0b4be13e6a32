import { mockServices } from '@backstage/backend-test-utils';
import type { UrlReaderService } from '@backstage/backend-plugin-api';
import fs from 'node:fs';
import path from 'node:path';
import {
  availabilitySlo,
  makeCatalogDir,
  sloComponent,
} from '../__testUtils__/sloFixtures';
import { readEntitySlos } from './readEntitySlos';

const signal = new AbortController().signal;

function urlReaderServing(files: Record<string, string>): UrlReaderService {
  return {
    readUrl: jest.fn(async (url: string) => {
      if (!(url in files)) {
        throw new Error(`NotFoundError: ${url} not found`);
      }
      return { buffer: async () => Buffer.from(files[url]) };
    }),
    readTree: jest.fn(),
    search: jest.fn(),
  } as unknown as UrlReaderService;
}

describe('readEntitySlos', () => {
  it('reads file: locations relative to the catalog file', async () => {
    const dir = makeCatalogDir({
      'slos/a.yaml': availabilitySlo('a'),
      'b.yaml': availabilitySlo('b'),
    });
    const result = await readEntitySlos(
      sloComponent('svc', dir, {
        'preflight.dev/openslo': 'slos/a.yaml,b.yaml',
      }),
      { urlReader: urlReaderServing({}), signal },
    );
    expect(result.problems).toEqual([]);
    expect(result.definitions.map(d => [d.id, d.file])).toEqual([
      ['a', 'slos/a.yaml'],
      ['b', 'b.yaml'],
    ]);
  });

  it('refuses symlinks that leave the catalog folder', async () => {
    const outside = makeCatalogDir({ 'secret.yaml': availabilitySlo('s') });
    const dir = makeCatalogDir({});
    fs.symlinkSync(
      path.join(outside, 'secret.yaml'),
      path.join(dir, 'link.yaml'),
    );
    const result = await readEntitySlos(
      sloComponent('svc', dir, { 'preflight.dev/openslo': 'link.yaml' }),
      { urlReader: urlReaderServing({}), signal },
    );
    expect(result.definitions).toEqual([]);
    expect(result.problems).toEqual([
      expect.objectContaining({
        entityRef: 'component:default/svc',
        file: 'link.yaml',
        field: 'metadata.annotations["preflight.dev/openslo"]',
        message: expect.stringContaining('outside the folder'),
      }),
    ]);
  });

  it('reads url: locations through the URL reader and refuses escapes', async () => {
    const urlReader = urlReaderServing({
      'https://git.example.com/org/repo/blob/main/slos/a.yaml':
        availabilitySlo('a'),
    });
    const entity = sloComponent('svc', '/unused', {
      'preflight.dev/openslo': 'slos/a.yaml, ../../other/x.yaml, gone.yaml',
      'backstage.io/managed-by-location':
        'url:https://git.example.com/org/repo/blob/main/catalog-info.yaml',
    });
    const result = await readEntitySlos(entity, { urlReader, signal });
    expect(result.definitions.map(d => d.id)).toEqual(['a']);
    expect(result.problems.map(p => [p.file, p.message])).toEqual([
      [
        '../../other/x.yaml',
        expect.stringContaining('outside the folder of the catalog file'),
      ],
      ['gone.yaml', expect.stringContaining('not found')],
    ]);
    expect(urlReader.readUrl).toHaveBeenCalledTimes(2);
  });

  it('reports duplicate SLO names across files and a missing location', async () => {
    const dir = makeCatalogDir({
      'a.yaml': availabilitySlo('same'),
      'b.yaml': availabilitySlo('same'),
    });
    const duplicate = await readEntitySlos(
      sloComponent('svc', dir, { 'preflight.dev/openslo': 'a.yaml,b.yaml' }),
      { urlReader: mockServices.urlReader.mock(), signal },
    );
    expect(duplicate.definitions).toHaveLength(1);
    expect(duplicate.problems).toEqual([
      expect.objectContaining({ file: 'b.yaml', sloName: 'same' }),
    ]);

    const entity = sloComponent('svc', dir, {
      'preflight.dev/openslo': 'a.yaml',
    });
    delete entity.metadata.annotations!['backstage.io/managed-by-location'];
    const unlocated = await readEntitySlos(entity, {
      urlReader: mockServices.urlReader.mock(),
      signal,
    });
    expect(unlocated.problems).toEqual([
      expect.objectContaining({
        file: 'a.yaml',
        message: expect.stringContaining('managed-by-location'),
      }),
    ]);
  });
});
