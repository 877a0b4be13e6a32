import Box from '@mui/material/Box';

export interface YamlSnippetProps {
  /** The YAML to show, already indented. */
  yaml: string;
}

/** A YAML example to copy into `catalog-info.yaml`. */
export function YamlSnippet(props: YamlSnippetProps) {
  return (
    <Box
      component="pre"
      sx={{
        // Zero width with a full minimum: the snippet fills its container
        // but never widens it. Long lines wrap (indentation kept) so the
        // whole fix is readable without scrolling sideways.
        width: 0,
        minWidth: '100%',
        boxSizing: 'border-box',
        m: 0,
        mt: 1,
        p: 1.5,
        borderRadius: 1,
        bgcolor: 'action.hover',
        color: 'text.primary',
        fontFamily: 'monospace',
        fontSize: '0.8125rem',
        whiteSpace: 'pre-wrap',
        overflowWrap: 'anywhere',
      }}
    >
      <code>{props.yaml}</code>
    </Box>
  );
}
