/**
 * The Gini coefficient of non-negative values: the mean absolute difference
 * between every ordered pair, divided by twice the mean,
 * `Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n² x̄)`. 0 when everyone has the same; for n people
 * at most (n − 1) / n, reached when one has everything.
 *
 * Chosen over a max ÷ min ratio for on-call fairness because it uses every
 * person, stays finite when somebody got no page, and reads the same for
 * teams of any size.
 * @returns null for no values or a zero total (nothing to share out).
 */
export function giniCoefficient(values: readonly number[]): number | null {
  const n = values.length;
  const total = values.reduce((sum, value) => sum + value, 0);
  if (n === 0 || total === 0) {
    return null;
  }
  // Sorted form of the same sum, O(n log n):
  // Σᵢ Σⱼ |xᵢ − xⱼ| = 2 Σᵢ (2i − n − 1) x₍ᵢ₎ with i = 1..n ascending.
  const sorted = [...values].sort((a, b) => a - b);
  let weighted = 0;
  sorted.forEach((value, index) => {
    weighted += (2 * (index + 1) - n - 1) * value;
  });
  return weighted / (n * total);
}
