import FormControlLabel from '@mui/material/FormControlLabel';
import InputAdornment from '@mui/material/InputAdornment';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import SearchIcon from '@mui/icons-material/Search';
import type { ScorecardRubricView } from '@preflight/plugin-reliability-common';
import { entityRefName, NO_LEVEL, TeamScorecardFilter } from '../../utils';

/** @public */
export interface TeamScorecardFiltersProps {
  rubric: ScorecardRubricView;
  /** The owning groups to choose from (the team and its sub-teams). */
  ownerRefs: string[];
  filter: TeamScorecardFilter;
  onChange(filter: TeamScorecardFilter): void;
}

/**
 * Narrows the team table: a text search, a level, only entities with
 * failing checks, and one owning sub-team.
 * @public
 */
export function TeamScorecardFilters(props: TeamScorecardFiltersProps) {
  const { rubric, ownerRefs, filter, onChange } = props;
  return (
    <Stack
      direction="row"
      spacing={2}
      useFlexGap
      flexWrap="wrap"
      alignItems="center"
    >
      <TextField
        size="small"
        label="Search entities"
        value={filter.text}
        onChange={event => onChange({ ...filter, text: event.target.value })}
        InputProps={{
          startAdornment: (
            <InputAdornment position="start">
              <SearchIcon fontSize="small" />
            </InputAdornment>
          ),
        }}
        sx={{ minWidth: 220 }}
      />
      <TextField
        select
        size="small"
        label="Level"
        value={filter.levelId}
        onChange={event => onChange({ ...filter, levelId: event.target.value })}
        sx={{ minWidth: 140 }}
      >
        <MenuItem value="">All levels</MenuItem>
        {[...rubric.levels].reverse().map(level => (
          <MenuItem key={level.id} value={level.id}>
            {level.title}
          </MenuItem>
        ))}
        <MenuItem value={NO_LEVEL}>No level</MenuItem>
      </TextField>
      {ownerRefs.length > 1 && (
        <TextField
          select
          size="small"
          label="Owner"
          value={filter.ownerRef}
          onChange={event =>
            onChange({ ...filter, ownerRef: event.target.value })
          }
          sx={{ minWidth: 180 }}
        >
          <MenuItem value="">All owners</MenuItem>
          {ownerRefs.map(ref => (
            <MenuItem key={ref} value={ref}>
              {entityRefName(ref)}
            </MenuItem>
          ))}
        </TextField>
      )}
      <FormControlLabel
        control={
          <Switch
            checked={filter.onlyFailing}
            onChange={event =>
              onChange({ ...filter, onlyFailing: event.target.checked })
            }
          />
        }
        label="Only failing"
      />
    </Stack>
  );
}
