/**
 * Up to two initials for an avatar when the source has no picture,
 * e.g. `Alice Smith` → `AS`, `alice@example.com` → `A`.
 */
export function personInitials(name: string): string {
  const words = name
    .replace(/@.*$/, '')
    .split(/[\s._-]+/)
    .filter(Boolean);
  const letters = words.slice(0, 2).map(word => word[0]!.toLocaleUpperCase());
  return letters.join('') || '?';
}
