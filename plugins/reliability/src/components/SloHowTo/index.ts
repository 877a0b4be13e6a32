export { SloHowTo } from './SloHowTo';
