/** The path of an M49 region's page (`/region/014/` for Eastern Africa): the one definition every link to a region uses. */
export function regionPath(m49: string): string {
  return `/region/${encodeURIComponent(m49)}/`;
}
