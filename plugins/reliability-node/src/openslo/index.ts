export * from './SloDefinition';
export * from './openSloSchemas';
export * from './parseOpenSloDocuments';
export * from './currentSloWindow';
export * from './openSloLinkedSchemas';
export * from './resolveLinkedObjects';
