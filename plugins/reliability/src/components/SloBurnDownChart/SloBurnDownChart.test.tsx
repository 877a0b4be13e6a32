import { render, screen } from '@testing-library/react';
import { ThemeProvider, createTheme } from '@mui/material/styles';
import { mockResizeObserver } from '../../__testUtils__/mockResizeObserver';
import { burningSlo } from '../../__testUtils__/sloFixtures';
import { SloBurnDownChart } from './SloBurnDownChart';

describe('SloBurnDownChart', () => {
  let restore: () => void;
  beforeAll(() => {
    restore = mockResizeObserver();
  });
  afterAll(() => restore());

  it('draws budget and ideal lines in the colours of a dark theme', () => {
    const theme = createTheme({ palette: { mode: 'dark' } });
    render(
      <ThemeProvider theme={theme}>
        <SloBurnDownChart sloName="Latency" points={burningSlo().burnDown} />
      </ThemeProvider>,
    );

    const chart = screen.getByRole('figure', {
      name: 'Error budget burn-down of Latency',
    });
    const strokes = Array.from(
      chart.querySelectorAll('.recharts-line-curve'),
    ).map(path => path.getAttribute('stroke'));
    expect(strokes).toEqual([
      theme.palette.primary.main,
      theme.palette.text.secondary,
    ]);
    // Axis labels in the dark theme's text colour, not recharts' default grey.
    const tick = chart.querySelector('.recharts-cartesian-axis-tick-value');
    expect(tick?.getAttribute('fill')).toBe(theme.palette.text.secondary);
    expect(chart.textContent).not.toMatch(/NaN|Infinity/);
  });

  it('says there is no data instead of drawing an empty chart', () => {
    render(<SloBurnDownChart sloName="Latency" points={[]} />);
    expect(
      screen.getByText('Burn-down: no data over the window yet.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('figure')).not.toBeInTheDocument();
  });

  it('spans a calendar window to its reset and says when the budget resets', () => {
    const points = burningSlo().burnDown;
    const last = Date.parse(points.at(-1)!.timestamp);
    const windowEnd = new Date(last + 10 * 86_400_000).toISOString();
    render(
      <SloBurnDownChart
        sloName="Latency"
        points={points}
        windowEnd={windowEnd}
      />,
    );
    const resetDay = new Intl.DateTimeFormat('en-US', {
      month: 'short',
      day: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(windowEnd));
    const chart = screen.getByRole('figure', {
      name: `Error budget burn-down of Latency, until the budget resets on ${resetDay}`,
    });
    expect(chart.textContent).not.toMatch(/NaN|Infinity/);
  });
});
