export * from './SloDefinition';
export * from './openSloSchemas';
export * from './parseOpenSloDocuments';
export * from './currentSloWindow';
