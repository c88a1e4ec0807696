/**
 * Map outlines in fewer bytes: d3-geo writes every vertex as an absolute pair ("M412.3,118.9L413.1,119.4…"); written
 * as offsets from the previous vertex ("m412.3,118.9l.8,.5…") the same outline takes about a third fewer bytes, and
 * a world map is most of a map page's weight. The offsets are taken between the 0.1-unit coordinates d3 already
 * rounded to, so they are exact and the outline is the same to the last digit: nothing accumulates along a path.
 */

/** One decimal at most, without a leading zero (".5", "-.5"), as SVG path data allows. */
function coordinate(n: number): string {
  const r = Math.round(n * 10) / 10;
  return (Object.is(r, -0) ? '0' : String(r)).replace(/^(-?)0\./, '$1.');
}

/** A pair, with the comma left out where the second number's minus sign already separates them. */
function pair(x: number, y: number): string {
  const ys = coordinate(y);
  return `${coordinate(x)}${ys.startsWith('-') ? '' : ','}${ys}`;
}

/**
 * Absolute path data of moves, lines and closes (what d3-geo writes for polygons and lines) as relative path data.
 * Any other command is a caller's mistake, and an error: a curve converted as a line would draw another shape.
 */
export function relativePath(d: string): string {
  let out = '';
  let [x, y] = [0, 0];
  let [startX, startY] = [0, 0];
  for (const m of d.matchAll(/([A-Za-z])([^A-Za-z]*)/g)) {
    const command = m[1]!;
    if (command === 'Z' || command === 'z') {
      out += 'z';
      [x, y] = [startX, startY];
      continue;
    }
    if (command !== 'M' && command !== 'L') throw new Error(`relativePath: command ${command} in "${d.slice(0, 60)}…"; only M, L and Z are supported`);
    const numbers = m[2]!.split(',').map(Number);
    if (numbers.length !== 2 || numbers.some((n) => !Number.isFinite(n))) throw new Error(`relativePath: "${command}${m[2]}" is not one x,y pair`);
    const [ax, ay] = numbers as [number, number];
    out += `${command === 'M' ? 'm' : 'l'}${pair(ax - x, ay - y)}`;
    [x, y] = [ax, ay];
    if (command === 'M') [startX, startY] = [ax, ay];
  }
  return out;
}
