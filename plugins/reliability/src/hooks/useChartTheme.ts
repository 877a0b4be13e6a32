import { useTheme } from '@mui/material/styles';

/**
 * Props that make a recharts chart follow the MUI theme: grid, axes,
 * tooltip and legend in the theme's colours, so every chart reads in light
 * and dark mode alike. Spread them onto the recharts elements.
 */
export function useChartTheme() {
  const theme = useTheme();
  const { palette } = theme;
  return {
    theme,
    grid: { stroke: palette.divider, strokeDasharray: '3 3' },
    axis: {
      tick: { fill: palette.text.secondary, fontSize: 12 },
      stroke: palette.divider,
    },
    tooltip: {
      contentStyle: {
        backgroundColor: palette.background.paper,
        borderColor: palette.divider,
        color: palette.text.primary,
      },
      labelStyle: { color: palette.text.primary },
    },
    legend: { wrapperStyle: { color: palette.text.primary } },
  };
}
