export { DemoSignInPage } from './DemoSignInPage';
export { SwitchPersonItem } from './SwitchPersonItem';
