import { labelValue } from '../../model/series';

// Row labels for histogram groups, written like Perses `seriesNameFormat` ("{{model_name}} · {{engine}}").

/** Fills `{{label}}` placeholders (spaces allowed inside the braces); an absent label becomes an empty string. */
export function formatRowName(labels: Readonly<Record<string, string>>, nameFormat?: string): string {
  if (nameFormat)
    return nameFormat.replace(/\{\{\s*([^}\s]+)\s*\}\}/g, (_, name: string) => labelValue(labels, name) ?? '');
  return Object.keys(labels)
    .sort()
    .map((name) => `${name}="${labelValue(labels, name)}"`)
    .join(', ');
}
