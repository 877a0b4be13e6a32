export * from './OnCallLoadTable';
