// A whole page that is on its way: a labelled spinner in the page's main landmark, under the
// page's heading (only screen readers need it said).
import { Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useVisuallyHiddenStyles } from '../styles.js';
import { useI18n } from '../../i18n/I18n.js';

const useStyles = makeStyles({
  page: { padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalL}` },
});

export function Waiting({ label }: { label: string }) {
  const styles = useStyles();
  const hidden = useVisuallyHiddenStyles();
  const { t } = useI18n();
  return (
    <main className={styles.page} aria-busy="true">
      <h1 className={hidden.hidden}>{t('app.name')}</h1>
      <Spinner label={label} />
    </main>
  );
}
