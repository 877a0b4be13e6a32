/*
 * Not part of the published API. The Sloth/Pyrra-to-OpenSLO converter behind
 * the repository's `npm run convert-slos` script (scripts/convert-slos.ts).
 * The package entry (index.ts) does not export it; workspace code imports this
 * file by its source path.
 */
export { runConvertSlosCommand } from './openslo/formats/convertSlosCommand';
