export { AttestationAnswerForm } from './AttestationAnswerForm';
export type { AttestationAnswerFormProps } from './AttestationAnswerForm';
