import { render, screen } from '@testing-library/react';
import { YamlSnippet } from './YamlSnippet';

describe('YamlSnippet', () => {
  it('wraps long lines, keeping indentation, instead of cutting them off', () => {
    const yaml =
      'metadata:\n  annotations:\n    preflight.dev/openslo: ./a/very/long/path/that/would/otherwise/run/past/the/edge/of/the/card.yaml';
    render(<YamlSnippet yaml={yaml} />);
    const code = screen.getByText(/preflight\.dev\/openslo/);
    const pre = code.closest('pre')!;
    const style = window.getComputedStyle(pre);
    expect(style.whiteSpace).toBe('pre-wrap');
    expect(style.overflowX).not.toBe('auto');
    expect(code.textContent).toBe(yaml);
  });
});
