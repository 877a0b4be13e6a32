export * from './types';
export * from './detectSloFormat';
export * from './convertSlothToOpenSlo';
export * from './convertPyrraToOpenSlo';
export * from './convertToOpenSlo';
export * from './convertSloText';
export * from './readSloText';
export * from './convertSlosCommand';
