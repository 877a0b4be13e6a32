const TITLES: Record<string, string> = {
  ownership: 'Ownership',
  'on-call': 'On-call',
  runbooks: 'Runbooks',
  slos: 'SLOs',
  incidents: 'Incidents',
  documentation: 'Documentation',
  metadata: 'Metadata',
};

/**
 * The heading of a check category: the built-in ones spelled as people
 * write them (`slos` → `SLOs`), custom ones capitalized.
 */
export function categoryTitle(category: string): string {
  return (
    TITLES[category] ??
    category.charAt(0).toLocaleUpperCase('en-US') +
      category.slice(1).replace(/[-_]/g, ' ')
  );
}
