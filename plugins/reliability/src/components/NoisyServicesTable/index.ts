export * from './NoisyServicesTable';
