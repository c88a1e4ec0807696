/**
 * The "go to" box (home and 404 pages): a name typed or picked from the list goes straight to its page. Without
 * JavaScript the form still works: it opens the full list of countries and areas.
 */

/** A name as typed and as listed compare alike whatever the case, accents or apostrophe ("Cote d'Ivoire", "turkiye"). */
export function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

export function wireJump(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('input[list]');
  const list = input?.list;
  if (!input || !list) return;
  form.addEventListener('submit', (event) => {
    const typed = nameKey(input.value);
    const match = [...list.querySelectorAll<HTMLOptionElement>('option')].find((o) => nameKey(o.value) === typed);
    const href = match?.dataset['href'];
    if (!href) return;
    event.preventDefault();
    window.location.assign(href);
  });
}
