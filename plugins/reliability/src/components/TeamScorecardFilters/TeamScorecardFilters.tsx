import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import { EntitySearchField } from '../EntitySearchField';
import type {
  ScorecardRubricView,
  TeamScorecardFacets,
} from '@preflight/plugin-reliability-common';
import { entityRefName, NO_LEVEL, TeamScorecardFilter } from '../../utils';

/** @public */
export interface TeamScorecardFiltersProps {
  rubric: ScorecardRubricView;
  /** The values the filters can take (owners with rows, tiers, lifecycles). */
  facets: TeamScorecardFacets;
  filter: TeamScorecardFilter;
  onChange(filter: TeamScorecardFilter): void;
}

/** A select over one facet, shown when there is more than one value to pick. */
function FacetSelect(props: {
  label: string;
  allLabel: string;
  values: string[];
  value: string;
  format?: (value: string) => string;
  onChange(value: string): void;
}) {
  const { label, allLabel, values, value, format = v => v, onChange } = props;
  if (values.length < 2 && !value) {
    return null;
  }
  return (
    <TextField
      select
      size="small"
      label={label}
      value={value}
      onChange={event => onChange(event.target.value)}
      sx={{ minWidth: 150 }}
    >
      <MenuItem value="">{allLabel}</MenuItem>
      {values.map(v => (
        <MenuItem key={v} value={v}>
          {format(v)}
        </MenuItem>
      ))}
    </TextField>
  );
}

/**
 * Narrows the team table: a text search, a level, only entities with
 * failing checks, one owning sub-team, a tier and a lifecycle. The backend
 * applies them.
 * @public
 */
export function TeamScorecardFilters(props: TeamScorecardFiltersProps) {
  const { rubric, facets, filter, onChange } = props;
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
      <FacetSelect
        label="Owner"
        allLabel="All owners"
        values={facets.ownerRefs}
        value={filter.ownerRef}
        format={entityRefName}
        onChange={ownerRef => onChange({ ...filter, ownerRef })}
      />
      <FacetSelect
        label="Tier"
        allLabel="All tiers"
        values={facets.tiers}
        value={filter.tier}
        onChange={tier => onChange({ ...filter, tier })}
      />
      <FacetSelect
        label="Lifecycle"
        allLabel="All lifecycles"
        values={facets.lifecycles}
        value={filter.lifecycle}
        onChange={lifecycle => onChange({ ...filter, lifecycle })}
      />
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
