// Step times in tooltips, in the dashboard's time zone (Perses's TimeZoneProvider: "local"/"browser", "UTC" or an
// IANA zone), with the offset written out so a time is never ambiguous.
import { formatWithTimeZone } from '@perses-dev/components';

export type StepTimeFormat = (ms: number) => string;

export const STEP_TIME_PATTERN = 'yyyy-MM-dd HH:mm:ssXXX';

export function stepTimeFormat(timeZone: string | undefined): StepTimeFormat {
  return (ms) => formatWithTimeZone(new Date(ms), STEP_TIME_PATTERN, timeZone);
}
