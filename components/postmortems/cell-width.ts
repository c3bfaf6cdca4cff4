// How wide a Markdown table cell may get squeezed. Left to the browser, a wide table on a phone
// shrinks every column to its longest word: rows of one word a line, hundreds of pixels tall.
// Short values (times, names, figures) stay on one line; prose wraps at a width that reads.
// The column takes the widest of its cells; a table wider than its box scrolls in it.
const SHORT = 20;
const LONG = 80;

export function cellWidthClass(text: string): string {
  const length = text.trim().length;
  if (length <= SHORT) return "whitespace-nowrap";
  // Printed pages have no sideways scroll: there the table fits the page and prose wraps as it must.
  return length <= LONG ? "min-w-48 print:min-w-0" : "min-w-72 print:min-w-0";
}
