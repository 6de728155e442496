/** "1 source", "2 sources": a count with its noun in the right number. */
export function plural(count: number, noun: string, many = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : many}`;
}
