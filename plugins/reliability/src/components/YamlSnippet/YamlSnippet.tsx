import Box from '@mui/material/Box';

/** @public */
export interface YamlSnippetProps {
  /** The YAML to show, already indented. */
  yaml: string;
}

/** A YAML example to copy into `catalog-info.yaml`. @public */
export function YamlSnippet(props: YamlSnippetProps) {
  return (
    <Box
      component="pre"
      sx={{
        m: 0,
        mt: 1,
        p: 1.5,
        borderRadius: 1,
        bgcolor: 'action.hover',
        color: 'text.primary',
        fontFamily: 'monospace',
        fontSize: '0.8125rem',
        overflowX: 'auto',
      }}
    >
      <code>{props.yaml}</code>
    </Box>
  );
}
