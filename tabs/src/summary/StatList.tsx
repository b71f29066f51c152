// Numbers shown as cards: a label, the value, and one line saying what the value means.
import { useSummaryStyles } from './styles.js';

export interface Stat {
  readonly label: string;
  readonly value: string;
  readonly meaning: string;
}

export function StatList({ stats }: { stats: readonly Stat[] }) {
  const styles = useSummaryStyles();
  return (
    <dl className={styles.stats}>
      {stats.map((stat) => (
        <div key={stat.label} className={styles.stat}>
          <dt className={styles.statLabel}>{stat.label}</dt>
          <dd className={styles.statValue}>{stat.value}</dd>
          <dd className={styles.statMeaning}>{stat.meaning}</dd>
        </div>
      ))}
    </dl>
  );
}
