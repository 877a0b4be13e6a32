import { mergeIntervals } from './mergeIntervals';

describe('mergeIntervals', () => {
  it('merges overlapping and touching intervals and sorts them', () => {
    expect(
      mergeIntervals([
        { start: 20, end: 30 },
        { start: 0, end: 10 },
        { start: 10, end: 12 },
        { start: 5, end: 8 },
        { start: 25, end: 40 },
      ]),
    ).toEqual([
      { start: 0, end: 12 },
      { start: 20, end: 40 },
    ]);
  });

  it('drops empty intervals and handles open-ended ones', () => {
    expect(
      mergeIntervals([
        { start: 5, end: 5 },
        { start: 9, end: 3 },
        { start: -Infinity, end: 4 },
        { start: 2, end: Infinity },
      ]),
    ).toEqual([{ start: -Infinity, end: Infinity }]);
    expect(mergeIntervals([])).toEqual([]);
  });

  it('does not modify its input', () => {
    const input = [
      { start: 0, end: 10 },
      { start: 5, end: 20 },
    ];
    mergeIntervals(input);
    expect(input).toEqual([
      { start: 0, end: 10 },
      { start: 5, end: 20 },
    ]);
  });
});
