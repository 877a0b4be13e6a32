import { toCsv } from './toCsv';

describe('toCsv', () => {
  it('quotes fields with commas, quotes, line breaks and edge spaces', () => {
    expect(
      toCsv([['plain', 'a,b', 'say "hi"', 'two\nlines', ' padded', 'cr\r']]),
    ).toBe('plain,"a,b","say ""hi""","two\nlines"," padded","cr\r"\r\n');
  });

  it('writes empty cells for missing values and keeps numbers as numbers', () => {
    expect(toCsv([[null, undefined, 0, -12.5, true, Number.NaN]])).toBe(
      ',,0,-12.5,true,\r\n',
    );
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(toCsv([['=HYPERLINK("x")', '+1', '@sum', '-x']])).toBe(
      `"'=HYPERLINK(""x"")",'+1,'@sum,'-x\r\n`,
    );
  });
});
