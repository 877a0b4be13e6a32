import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';

/** Props of {@link FilterSelect}. */
export interface FilterSelectProps {
  label: string;
  /** The first choice, which clears the filter (value `''`). */
  allLabel: string;
  value: string;
  options: Array<{ value: string; label: string }>;
  onChange(value: string): void;
  /** Leave the select out when there is nothing to choose between. */
  hideWithoutChoice?: boolean;
}

/** One select of the tables' filter bars: "All …" or one of the options. */
export function FilterSelect(props: FilterSelectProps) {
  const { label, allLabel, value, options, onChange, hideWithoutChoice } =
    props;
  if (hideWithoutChoice && options.length < 2 && !value) {
    return null;
  }
  return (
    <TextField
      select
      size="small"
      label={label}
      value={value}
      onChange={event => onChange(event.target.value)}
      sx={{ minWidth: 160 }}
    >
      <MenuItem value="">{allLabel}</MenuItem>
      {options.map(option => (
        <MenuItem key={option.value} value={option.value}>
          {option.label}
        </MenuItem>
      ))}
    </TextField>
  );
}
