export { sleep } from './sleep';
export { equalJitterBackoffMs } from './equalJitterBackoff';
