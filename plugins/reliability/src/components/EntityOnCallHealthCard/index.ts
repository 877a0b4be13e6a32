export * from './EntityOnCallHealthCard';
