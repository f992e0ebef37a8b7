/** A channel's timestamp as a Date, or undefined when absent or not a date (the time of receipt is used then). */
export function channelTimestamp(text: string | null | undefined): Date | undefined {
  if (!text) return undefined;
  const time = Date.parse(text);
  return Number.isNaN(time) ? undefined : new Date(time);
}
