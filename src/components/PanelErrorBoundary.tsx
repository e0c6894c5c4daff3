// The last line of defence of a panel: an exception anywhere below it becomes a message inside the panel, with
// the error text, instead of a blank panel or a broken dashboard. The next spec or data change tries again.
import { Box, Typography } from '@mui/material';
import { Component, ReactNode } from 'react';

export interface PanelErrorBoundaryProps {
  /** Which panel, for the message: "Latency Quad". */
  panel: string;
  /** The panel's inputs (spec, query results): when one changes, the error is cleared and the panel renders again. */
  resetKeys: readonly unknown[];
  children: ReactNode;
}

interface State {
  error?: Error;
  keys: readonly unknown[];
}

const changed = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length !== b.length || a.some((v, i) => !Object.is(v, b[i]));

export class PanelErrorBoundary extends Component<PanelErrorBoundaryProps, State> {
  override state: State = { keys: this.props.resetKeys };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: PanelErrorBoundaryProps, state: State): Partial<State> | null {
    return changed(props.resetKeys, state.keys) ? { keys: props.resetKeys, error: undefined } : null;
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return <PanelProblem title={`The ${this.props.panel} panel failed to render: ${error.message}`} />;
  }
}

/** What a panel shows instead of its numbers: a title and, optionally, the list of problems. */
export function PanelProblem({ title, problems = [] }: { title: string; problems?: readonly string[] }): ReactNode {
  return (
    <Box role="alert" data-state="panel-problem" sx={{ p: 1, height: '100%', overflow: 'auto' }}>
      <Typography variant="body2" color="error.main" sx={{ overflowWrap: 'anywhere' }}>
        {title}
      </Typography>
      {problems.length > 0 && (
        <Box component="ul" sx={{ m: 0, pl: 2 }}>
          {problems.map((problem, i) => (
            <Typography key={i} component="li" variant="caption" sx={{ overflowWrap: 'anywhere' }}>
              {problem}
            </Typography>
          ))}
        </Box>
      )}
    </Box>
  );
}
