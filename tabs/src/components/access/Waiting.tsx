// A whole page that is on its way: a labelled spinner in the page's main landmark, under the
// page's heading (only screen readers need it said).
import { Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useVisuallyHiddenStyles } from '../styles.js';

const useStyles = makeStyles({
  page: { padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalL}` },
});

export function Waiting({ label }: { label: string }) {
  const styles = useStyles();
  const hidden = useVisuallyHiddenStyles();
  return (
    <main className={styles.page} aria-busy="true">
      <h1 className={hidden.hidden}>Roundtable</h1>
      <Spinner label={label} />
    </main>
  );
}
