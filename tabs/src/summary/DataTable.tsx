// A small table of text: column headers, rows of cells, the first cell naming its row.
import {
  makeStyles,
  mergeClasses,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';

interface DataTableProps {
  /** The table's accessible name. */
  readonly label: string;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly className?: string | undefined;
}

// Columns sized by their contents; in a narrow panel a wide table scrolls rather than spilling.
const useTableStyles = makeStyles({
  scroller: { overflowX: 'auto', maxWidth: '100%' },
  table: { tableLayout: 'auto' },
});

export function DataTable({ label, headers, rows, className }: DataTableProps) {
  const styles = useTableStyles();
  return (
    <div className={mergeClasses(styles.scroller, className)}>
      <Table size="small" aria-label={label} className={styles.table}>
        <TableHeader>
          <TableRow>
            {headers.map((header) => (
              <TableHeaderCell key={header} scope="col">
                {header}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map(([rowName, ...cells], rowIndex) => (
            <TableRow key={rowIndex}>
              <TableHeaderCell scope="row">{rowName}</TableHeaderCell>
              {cells.map((cell, cellIndex) => (
                <TableCell key={cellIndex}>{cell}</TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
