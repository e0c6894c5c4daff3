// A panel with no query yet (a new panel in the editor): instead of "no samples", what the panel reads, a query to
// copy, and where the README lists the others. Shown at the panel's size, scrollable when the panel is small.
import { Box, Typography } from '@mui/material';
import { ReactElement } from 'react';

import { useLegibleText } from './use-legible-text';

export interface NoQueryHelpText {
  /** One line: what to do. */
  title: string;
  /** What the panel reads, in a sentence or two. */
  needs: string;
  /** Queries to copy, one per line (a panel with roles lists one per role). */
  recipes: ReadonlyArray<{ readonly label: string; readonly query: string }>;
  /** Where the README has more recipes (section name as it appears there). */
  readmeSection: string;
}

export function NoQueryHelp({
  help,
  width,
  height,
}: {
  help: NoQueryHelpText;
  width: number;
  height: number;
}): ReactElement {
  const legible = useLegibleText();
  return (
    <Box role="status" data-state="no-query" sx={{ p: 1, width, height, overflow: 'auto', boxSizing: 'border-box' }}>
      <Typography variant="body2" component="p" sx={{ color: legible.neutral, fontWeight: 700 }}>
        {help.title}
      </Typography>
      <Typography variant="body2" sx={{ color: legible.secondary, mt: 0.5 }}>
        {help.needs}
      </Typography>
      {help.recipes.map((recipe) => (
        <Box key={recipe.label} sx={{ mt: 0.75 }}>
          <Typography variant="caption" component="div" sx={{ color: legible.secondary }}>
            {recipe.label}
          </Typography>
          {/* One click selects the whole query for copying. */}
          <Box
            component="code"
            data-testid="no-query-recipe"
            sx={{
              display: 'block',
              fontFamily: 'monospace',
              fontSize: 12,
              lineHeight: 1.5,
              p: 0.75,
              borderRadius: 1,
              color: legible.neutral,
              backgroundColor: 'action.hover',
              wordBreak: 'break-all',
              userSelect: 'all',
            }}
          >
            {recipe.query}
          </Box>
        </Box>
      ))}
      <Typography variant="caption" component="p" sx={{ color: legible.secondary, mt: 0.75 }}>
        More recipes: the plugin&apos;s README, section “{help.readmeSection}”.
      </Typography>
    </Box>
  );
}
