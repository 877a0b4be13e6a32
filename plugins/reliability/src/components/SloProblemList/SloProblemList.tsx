import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import type { SloProblem } from '@preflight/plugin-reliability-common';

export interface SloProblemListProps {
  problems: SloProblem[];
}

/**
 * Problems of the entity's OpenSLO files, each naming the file, the SLO
 * and the field, with the fix when known. Other SLOs still show.
 */
export function SloProblemList(props: SloProblemListProps) {
  const { problems } = props;
  if (problems.length === 0) {
    return null;
  }
  return (
    <Alert severity="error">
      <AlertTitle>
        {problems.length === 1
          ? 'A problem in the SLO files'
          : `${problems.length} problems in the SLO files`}
      </AlertTitle>
      <Box component="ul" aria-label="SLO file problems" sx={{ m: 0, pl: 2 }}>
        {problems.map((problem, index) => (
          <li key={index}>
            <code>{problem.file}</code>
            {problem.sloName && (
              <>
                {', SLO '}
                <strong>{problem.sloName}</strong>
              </>
            )}
            {/^\(.*\)$/.test(problem.field) ? (
              // "(whole file)", "(whole document)": no field to point at.
              `, ${problem.field.slice(1, -1)}`
            ) : (
              <>
                {', field '}
                <code>{problem.field}</code>
              </>
            )}
            : {problem.message}
            {problem.fix && <> Fix: {problem.fix}</>}
          </li>
        ))}
      </Box>
    </Alert>
  );
}
