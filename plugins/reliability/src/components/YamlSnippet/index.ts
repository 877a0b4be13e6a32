export { YamlSnippet } from './YamlSnippet';
export type { YamlSnippetProps } from './YamlSnippet';
