import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import { EntitySearchField } from '../EntitySearchField';
import type { GroupOption } from '../../hooks/useGroupOptions';
import { entityRefName, ReviewBoardFilter } from '../../utils';

/** @public */
export interface ReviewBoardFiltersProps {
  filter: ReviewBoardFilter;
  onChange(filter: ReviewBoardFilter): void;
  /** Owning teams to choose from. */
  teams: GroupOption[];
  /** Stages of the configured templates. */
  stages: string[];
  /** Reviewer groups of the configured templates. */
  reviewerGroups: string[];
}

function Select(props: {
  label: string;
  allLabel: string;
  value: string;
  options: GroupOption[];
  onChange(value: string): void;
}) {
  const { label, allLabel, value, options, onChange } = props;
  return (
    <TextField
      select
      size="small"
      label={label}
      value={value}
      onChange={event => onChange(event.target.value)}
      sx={{ minWidth: 170 }}
    >
      <MenuItem value="">{allLabel}</MenuItem>
      {options.map(option => (
        <MenuItem key={option.ref} value={option.ref}>
          {option.title}
        </MenuItem>
      ))}
    </TextField>
  );
}

/**
 * Narrows the reviews board: a text search, the owning team, the stage, a
 * reviewer group, reviews waiting on the viewer's groups, overdue ones.
 * @public
 */
export function ReviewBoardFilters(props: ReviewBoardFiltersProps) {
  const { filter, onChange, teams, stages, reviewerGroups } = props;
  return (
    <Stack
      direction="row"
      spacing={2}
      useFlexGap
      flexWrap="wrap"
      alignItems="center"
    >
      <EntitySearchField
        value={filter.text}
        onChange={text => onChange({ ...filter, text })}
      />
      <Select
        label="Team"
        allLabel="All teams"
        value={filter.team}
        options={teams}
        onChange={team => onChange({ ...filter, team })}
      />
      <Select
        label="Stage"
        allLabel="All stages"
        value={filter.stage}
        options={stages.map(stage => ({ ref: stage, title: stage }))}
        onChange={stage => onChange({ ...filter, stage })}
      />
      <Select
        label="Reviewer group"
        allLabel="All reviewer groups"
        value={filter.reviewerGroup}
        options={reviewerGroups.map(ref => ({
          ref,
          title: entityRefName(ref),
        }))}
        onChange={reviewerGroup => onChange({ ...filter, reviewerGroup })}
      />
      <FormControlLabel
        control={
          <Switch
            checked={filter.waitingOnMe}
            onChange={event =>
              onChange({ ...filter, waitingOnMe: event.target.checked })
            }
          />
        }
        label="Waiting on my groups"
      />
      <FormControlLabel
        control={
          <Switch
            checked={filter.overdue}
            onChange={event =>
              onChange({ ...filter, overdue: event.target.checked })
            }
          />
        }
        label="Overdue only"
      />
    </Stack>
  );
}
