export * from './zonedTime';
