/**
 * The home page's "go to" box: a name typed or picked from the list goes straight to its page. Without JavaScript
 * the form still works: it opens the full list of countries and areas.
 */
export function wireJump(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('input[list]');
  const list = input?.list;
  if (!input || !list) return;
  form.addEventListener('submit', (event) => {
    const typed = input.value.trim().toLowerCase();
    const match = [...list.querySelectorAll<HTMLOptionElement>('option')].find((o) => o.value.toLowerCase() === typed);
    const href = match?.dataset['href'];
    if (!href) return;
    event.preventDefault();
    window.location.assign(href);
  });
}
